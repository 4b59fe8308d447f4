"net-start default"
