"define @DATA@/t2.xml; define @DATA@/t3.xml; list --all"
