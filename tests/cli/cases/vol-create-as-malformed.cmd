"vol-create-as default-pool v1 -5; vol-create-as default-pool v1 5X; vol-create-as default-pool v1 5 --allocation x"
