"help nosuch"
