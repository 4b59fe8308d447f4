"domid test; dominfo nosuch; domid test"
