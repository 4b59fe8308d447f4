"destroy test; domid test"
