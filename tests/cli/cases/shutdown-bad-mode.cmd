"shutdown test --mode foo"
