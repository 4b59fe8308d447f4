"vol-create-as default-pool v1 1M; vol-path v1 --pool default-pool; vol-key v1 --pool default-pool; vol-name /default-pool/v1; vol-pool /default-pool/v1; vol-pool /default-pool/v1 --uuid"
