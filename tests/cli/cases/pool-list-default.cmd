"pool-list"
