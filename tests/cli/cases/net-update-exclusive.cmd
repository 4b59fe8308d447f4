"net-update default add ip-dhcp-host '<host/>' --current --config"
