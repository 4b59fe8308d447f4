"define @DATA@/t2.xml; start t2; list"
