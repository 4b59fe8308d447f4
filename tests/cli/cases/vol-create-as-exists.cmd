"vol-create-as default-pool v1 5M; vol-create-as default-pool v1 5M"
