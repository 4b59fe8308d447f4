"net-create @DATA@/net1.xml; net-list --all; net-info net1; net-destroy net1; net-list --all"
