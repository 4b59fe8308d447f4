"reboot test; reset test; shutdown test; domstate test --reason"
