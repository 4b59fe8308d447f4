"define @DATA@"
