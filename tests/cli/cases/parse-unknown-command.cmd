"nosuchcmd"
