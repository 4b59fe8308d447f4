"vol-create-as default-pool v1 1M; vol-download v1 /nonexist/dir/out --pool default-pool; vol-download v1 @TMP@/out --offset x --pool default-pool"
