"vol-create-as default-pool v1 1M; vol-clone v1 v2 --pool default-pool --print-xml; vol-list default-pool"
