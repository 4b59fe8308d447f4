"domid test; domname 1; domuuid test; domid 1"
