"vol-create-as default-pool v1 5M; vol-create-as default-pool v2 5M --print-xml --backing-vol v1 --backing-vol-format raw --format qcow2 --allocation 1k"
