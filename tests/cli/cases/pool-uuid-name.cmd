"pool-uuid default-pool; pool-name dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566; pool-name default-pool"
