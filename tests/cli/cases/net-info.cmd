"net-info default"
