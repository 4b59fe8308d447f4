"vol-create-as default-pool v1 1M; vol-dumpxml v1 --pool default-pool --xpath //capacity"
