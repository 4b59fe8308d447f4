"net-define @DATA@/net1.xml; net-list --all --name; net-list --all --uuid; net-list --name"
