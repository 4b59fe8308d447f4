"pool-create-as p1 dir --target /p1 --overwrite --no-overwrite"
