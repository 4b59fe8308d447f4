"net-define @DATA@/net1.xml; net-autostart net1; net-list --autostart --all; net-list --autostart; net-autostart --disable net1; net-list --autostart --all"
