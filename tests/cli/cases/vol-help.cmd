"help vol-create-as; help vol-resize; help volume"
