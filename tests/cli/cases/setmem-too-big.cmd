"setmem test 99999999999"
