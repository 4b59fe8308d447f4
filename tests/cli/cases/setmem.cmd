"setmem test 1024; dominfo test"
