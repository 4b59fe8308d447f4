"pool-list --all --inactive; pool-list --details --name"
