"define @DATA@/wd-bad.xml; list --all"
