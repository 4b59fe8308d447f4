"vol-create-as default-pool v1 1M; vol-info v1; vol-info nosuch --pool default-pool; vol-info v1 --pool nosuch; vol-name v1"
