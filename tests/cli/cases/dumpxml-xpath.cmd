"dumpxml test --xpath //name; dumpxml test --xpath //memory --wrap"
