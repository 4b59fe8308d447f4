"net-uuid nosuch"
