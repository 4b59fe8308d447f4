"list --all --all"
