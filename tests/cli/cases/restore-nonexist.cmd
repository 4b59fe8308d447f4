"restore /nonexist"
