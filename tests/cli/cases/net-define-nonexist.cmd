"net-define /nonexist"
