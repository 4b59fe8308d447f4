"vol-create-as default-pool v1 1M; vol-upload v1 /nonexist --pool default-pool; vol-upload v1 @DATA@/upload.bin --offset -1 --pool default-pool; vol-upload nosuch @DATA@/upload.bin"
