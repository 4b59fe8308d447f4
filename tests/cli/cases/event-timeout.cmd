"event --all --timeout 1"
