"nodeinfo"
