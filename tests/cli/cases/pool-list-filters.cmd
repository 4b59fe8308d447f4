"pool-define @DATA@/pool1.xml; pool-list --inactive; pool-list --all --persistent; pool-list --all --transient; pool-autostart pool1; pool-list --all --autostart; pool-list --all --no-autostart"
