"net-dumpxml default --xpath //range --wrap; net-dumpxml default --xpath string(//bridge/@name)"
