"net-update default add ip-dhcp-host /nonexist.xml"
