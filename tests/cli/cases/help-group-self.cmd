"help vireo"
