"net-define @DATA@/net1.xml; net-list --inactive; net-list --persistent --all; net-list --transient --all; net-list --no-autostart --all"
