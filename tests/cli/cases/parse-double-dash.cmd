"domid -- test"
