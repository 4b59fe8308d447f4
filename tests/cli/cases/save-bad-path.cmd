"save test /nonexist/dir/img"
