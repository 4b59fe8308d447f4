"managedsave test; dominfo test; start test; domstate test --reason"
