"managedsave test; list --all --managed-save"
