VIREO_SHELL_TEST_EVENT_COMMANDS="suspend test" "event --event lifecycle --timestamp"
