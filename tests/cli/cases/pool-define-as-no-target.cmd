"pool-define-as p1 dir"
