"help undefine"
