"setmem test"
