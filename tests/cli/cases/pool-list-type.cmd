"pool-define-as lv logical --target /dev/vg; pool-list --all --type dir; pool-list --all --type logical,dir; pool-list --all --type netfs"
