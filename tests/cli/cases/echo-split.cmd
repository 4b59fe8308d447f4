"echo --split a,b c,,d"
