"pool-destroy default-pool; vol-info v1 --pool default-pool"
