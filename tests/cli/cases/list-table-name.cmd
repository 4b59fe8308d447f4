"list --table --name"
