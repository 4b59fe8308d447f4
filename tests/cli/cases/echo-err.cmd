"echo --err foo bar"
