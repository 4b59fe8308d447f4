"net-update default add dns-host \"<host ip='192.168.122.5'><hostname>foo</hostname></host>\" --config; net-dumpxml default --inactive --xpath //dns"
