"define /nonexist"
