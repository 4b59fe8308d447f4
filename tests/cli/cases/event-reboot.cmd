VIREO_SHELL_TEST_EVENT_COMMANDS="destroy test; start test; reboot test" "event --event reboot --timeout 1"
