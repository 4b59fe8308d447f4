"pool-create @DATA@/pool1.xml; vol-create-as pool1 w 1M; vol-info /pool1/w --pool default-pool"
