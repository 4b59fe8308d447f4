"pool-list --type dir,bogus"
