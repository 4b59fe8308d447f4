"pool-define-as p1 dir --secret-usage a --secret-uuid b"
