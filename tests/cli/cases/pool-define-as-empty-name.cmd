"pool-define-as '' dir"
