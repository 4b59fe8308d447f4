TZ=UTC0 "net-define @DATA@/net1.xml; net-start net1; create @DATA@/lease-dom.xml; net-dhcp-leases default; net-dhcp-leases net1; net-dhcp-leases default --mac 00:16:3e:00:00:01"
