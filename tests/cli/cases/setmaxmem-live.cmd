"setmaxmem test 1024"
