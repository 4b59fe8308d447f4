"managedsave test; managedsave-remove test; managedsave-remove test"
