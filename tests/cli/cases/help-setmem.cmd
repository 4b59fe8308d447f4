"help setmem"
