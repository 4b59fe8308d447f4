"vol-create-as default-pool v1 1M; vol-delete v1 --pool default-pool; vol-list default-pool; vol-delete v1 --pool default-pool"
