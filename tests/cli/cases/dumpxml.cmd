"dumpxml test"
