"pool-undefine default-pool"
