"net-update default delete ip-dhcp-host \"<host mac='52:54:00:00:00:09' ip='192.168.122.99'/>\""
