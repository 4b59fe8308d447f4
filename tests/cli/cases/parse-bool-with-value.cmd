"list --all=yes"
