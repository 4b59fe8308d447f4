"pool-dumpxml default-pool; pool-dumpxml default-pool --xpath //target/path"
