"define /dev/zero"
