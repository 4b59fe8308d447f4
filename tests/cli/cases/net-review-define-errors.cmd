"net-define @DATA@/net-badfwd.xml; net-define @DATA@/net-baduuid.xml; net-define @DATA@/net-dupname.xml; net-define @DATA@/net-wrongroot.xml"
