"pool-list --uuid; pool-list --name; pool-list --uuid --name"
