[string]42
[int]'  7 '
[char]65
([string[]](1,2)).Count
[int[]]('1','2') -join '+'
