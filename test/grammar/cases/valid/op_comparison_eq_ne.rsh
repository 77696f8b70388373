$a -eq 1 -ne $false
