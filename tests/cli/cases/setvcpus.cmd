"setvcpus test 1; vcpucount test"
