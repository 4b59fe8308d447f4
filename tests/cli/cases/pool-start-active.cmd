"pool-start default-pool"
