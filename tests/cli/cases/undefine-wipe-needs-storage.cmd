"undefine test --wipe-storage"
