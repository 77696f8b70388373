[int]$n = '5'
