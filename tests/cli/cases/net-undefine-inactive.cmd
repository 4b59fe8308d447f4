"net-destroy default; net-undefine default; net-list --all"
