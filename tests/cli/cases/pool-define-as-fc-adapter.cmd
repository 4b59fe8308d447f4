"pool-define-as p3 scsi --print-xml --adapter-wwnn 20000000c9831b4b --adapter-wwpn 10000000c9831b4b --adapter-parent-wwnn 2000000012345678 --adapter-parent-wwpn 1000000012345678"
