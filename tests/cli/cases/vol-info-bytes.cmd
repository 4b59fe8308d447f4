"vol-create-as default-pool v1 1023; vol-create-as default-pool v2 1048575; vol-info v1 --pool default-pool --bytes; vol-info /default-pool/v2; vol-list default-pool --details"
