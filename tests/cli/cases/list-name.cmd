"define @DATA@/t2.xml; list --all --name"
