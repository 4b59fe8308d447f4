"event --event nosuch"
