"dumpxml --inactive test"
