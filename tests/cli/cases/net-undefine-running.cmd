"net-undefine default; net-list --all"
