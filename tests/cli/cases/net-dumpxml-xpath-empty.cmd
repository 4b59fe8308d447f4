"net-dumpxml default --xpath ''"
