"net-dumpxml default"
