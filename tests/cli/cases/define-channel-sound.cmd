"define @DATA@/chan-sound.xml; dumpxml --inactive chansnd"
