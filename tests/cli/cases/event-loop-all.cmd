VIREO_SHELL_TEST_EVENT_COMMANDS="suspend test; resume test; reboot test; destroy test" "event --all --loop --timeout 1"
