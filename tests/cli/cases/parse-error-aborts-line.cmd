"domid test; list --foo; domid test"
