"setvcpus test 0"
