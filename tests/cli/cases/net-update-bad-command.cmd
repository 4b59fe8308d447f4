"net-update default remove ip-dhcp-host '<host/>'"
