"net-name default"
