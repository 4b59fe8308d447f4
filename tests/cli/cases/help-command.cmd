"help dominfo"
