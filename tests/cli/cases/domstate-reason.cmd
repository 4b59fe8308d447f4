"domstate test --reason; suspend test; domstate test --reason; destroy test; domstate test --reason"
