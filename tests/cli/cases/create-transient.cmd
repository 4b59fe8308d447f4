"create @DATA@/t2.xml; list --all; dominfo t2"
