"net-info nosuch"
