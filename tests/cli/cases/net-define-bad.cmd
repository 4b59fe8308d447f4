"net-define @DATA@/net-bad.xml"
