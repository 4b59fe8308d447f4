"define @DATA@/sound-bad.xml"
