"pool-info default-pool; pool-info default-pool --bytes"
