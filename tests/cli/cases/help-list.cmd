"help list"
