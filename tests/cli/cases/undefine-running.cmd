"undefine test; list --all; destroy test; list --all"
