"destroy test; undefine test --storage vda,nosuch"
