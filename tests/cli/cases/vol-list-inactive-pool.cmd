"pool-destroy default-pool; vol-list default-pool"
