"vol-create-as default-pool v1 1M; vol-wipe v1 --pool default-pool --algorithm shred"
