"setmem test 1M; dominfo test"
