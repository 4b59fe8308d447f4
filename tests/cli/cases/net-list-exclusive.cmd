"net-list --table --uuid"
