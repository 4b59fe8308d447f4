"define @DATA@/t2.xml; list --inactive; list --state-running; list --persistent --all; list --transient"
