"define @DATA@/chan-order.xml; dumpxml --inactive chanorder"
