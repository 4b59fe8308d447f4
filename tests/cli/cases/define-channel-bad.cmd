"define @DATA@/chan-bad.xml"
