"vol-create-as default-pool v1 10M; vol-clone v1 v2 --pool default-pool; vol-list default-pool --details; vol-dumpxml v2 --pool default-pool"
