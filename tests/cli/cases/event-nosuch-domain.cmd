"event --domain nosuch --all"
