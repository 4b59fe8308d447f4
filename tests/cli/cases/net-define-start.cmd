"net-define @DATA@/net1.xml; net-info net1; net-start net1; net-info net1; net-dumpxml net1"
