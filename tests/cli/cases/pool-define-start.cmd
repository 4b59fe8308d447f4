"pool-define @DATA@/pool1.xml; pool-info pool1; pool-start pool1; pool-info pool1; pool-dumpxml pool1"
