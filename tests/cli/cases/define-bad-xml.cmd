"define @DATA@/bad.xml"
