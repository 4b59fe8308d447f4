"domid nosuch; domid test"
