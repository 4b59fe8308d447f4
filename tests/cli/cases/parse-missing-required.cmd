"save"
