"autostart test; list --autostart; autostart --disable test; list --autostart"
