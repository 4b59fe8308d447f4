VIREO_SHELL_TEST_EVENT_COMMANDS="create @DATA@/t2.xml; destroy t2; destroy test" "event --domain test --all --loop --timeout 1"
