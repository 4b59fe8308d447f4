"vol-create-as default-pool v1 1M; vol-upload v1 @DATA@/upload.bin --pool default-pool; vol-wipe v1 --pool default-pool; vol-download v1 /dev/stdout --pool default-pool --length 4"
