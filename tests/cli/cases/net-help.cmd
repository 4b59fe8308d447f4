"help net-update; help network"
