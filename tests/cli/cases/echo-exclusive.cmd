"echo --shell --xml a"
