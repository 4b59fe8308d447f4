"net-dhcp-leases nosuch; net-dhcp-leases default --mac ''"
