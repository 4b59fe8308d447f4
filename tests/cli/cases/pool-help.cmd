"help pool-list; help pool-define-as; help pool"
