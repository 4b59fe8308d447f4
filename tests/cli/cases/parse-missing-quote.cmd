'echo "abc'
