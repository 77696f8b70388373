$name -like 'a*' -and $name -notlike '*z'
