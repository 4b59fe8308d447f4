"domstate --help"
