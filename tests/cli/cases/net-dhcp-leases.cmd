TZ=UTC0 "net-dhcp-leases default; net-dhcp-leases default --mac AA:BB:CC:DD:EE:FF; net-dhcp-leases default --mac 52:54:00:00:00:99"
