"pool-define @DATA@/pool1.xml; pool-list --all --details"
