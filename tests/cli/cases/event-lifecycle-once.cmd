VIREO_SHELL_TEST_EVENT_COMMANDS="destroy test; start test" "event --event lifecycle"
