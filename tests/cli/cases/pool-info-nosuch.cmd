"pool-info nosuch"
