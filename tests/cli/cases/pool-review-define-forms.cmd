"pool-define @DATA@/pool-fs.xml; pool-dumpxml pfs; pool-define @DATA@/pool-netfs.xml; pool-dumpxml pnf; pool-list --all --details --type fs,netfs"
