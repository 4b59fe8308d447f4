TZ=UTC0 "destroy test; net-dhcp-leases default; start test; net-dhcp-leases default"
