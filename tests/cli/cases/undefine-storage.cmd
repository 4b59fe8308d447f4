"destroy test; undefine test --remove-all-storage"
