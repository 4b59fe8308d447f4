"managedsave test; undefine test; undefine test --managed-save"
