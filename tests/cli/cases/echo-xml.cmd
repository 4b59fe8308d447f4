"echo --xml '<a>&\"'"
