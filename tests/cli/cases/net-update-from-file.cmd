"net-update default add-first ip-dhcp-host @DATA@/dhcp-host.xml; net-dumpxml default --xpath //host"
