"vol-create-as default-pool src 1M; vol-create-from default-pool @DATA@/vol1.xml src --inputpool default-pool; vol-list default-pool --details; vol-create-from default-pool @DATA@/vol1.xml nosuch"
