"net-define @DATA@/net-prefix.xml; net-dumpxml np; net-define @DATA@/net-isolated.xml; net-dumpxml iso; net-define @DATA@/net-open.xml; net-dumpxml op; net-list --all"
