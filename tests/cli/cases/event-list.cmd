"event --list"
