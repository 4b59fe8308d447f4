"vol-create-as default-pool v1 10M; vol-create-as default-pool v2 1G --allocation 100M --format qcow2; vol-list default-pool; vol-list default-pool --details"
