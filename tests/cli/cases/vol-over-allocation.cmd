"vol-create-as default-pool big 200G; vol-list default-pool; pool-info default-pool --bytes"
