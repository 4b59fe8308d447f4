"dominfo test"
