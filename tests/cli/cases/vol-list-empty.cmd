"vol-list default-pool; vol-list default-pool --details"
