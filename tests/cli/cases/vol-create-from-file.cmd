"vol-create default-pool @DATA@/vol1.xml; vol-dumpxml vol1.qcow2 --pool default-pool; vol-info vol1.qcow2 --pool default-pool"
