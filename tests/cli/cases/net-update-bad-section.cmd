"net-update default add none '<host/>'"
