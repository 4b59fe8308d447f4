"destroy test; start 1"
