"list"
