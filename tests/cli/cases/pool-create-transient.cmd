"pool-create @DATA@/pool1.xml; pool-list --all --details; pool-destroy pool1; pool-list --all"
