"dominfo nosuch"
