"setvcpus test 3 --maximum"
