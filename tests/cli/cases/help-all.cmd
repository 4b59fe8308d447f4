"help"
