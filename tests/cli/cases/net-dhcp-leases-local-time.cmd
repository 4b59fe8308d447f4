TZ=JST-9 "net-dhcp-leases default"
