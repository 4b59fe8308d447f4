"destroy test; destroy test"
