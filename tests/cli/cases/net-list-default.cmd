"net-list"
