"setmem test 1X"
