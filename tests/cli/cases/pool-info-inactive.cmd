"pool-destroy default-pool; pool-info default-pool; pool-list --all --details"
