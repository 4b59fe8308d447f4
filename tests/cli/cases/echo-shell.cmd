"echo --shell 'a b' c \"it's\" '' x=y"
