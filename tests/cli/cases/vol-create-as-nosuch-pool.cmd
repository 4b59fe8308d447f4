"vol-create-as nosuch v1 5"
