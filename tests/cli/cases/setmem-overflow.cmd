"setmem test 20000000000T"
