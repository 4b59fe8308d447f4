"pool-destroy default-pool; pool-destroy default-pool"
