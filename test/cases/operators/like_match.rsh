'hello' -like 'h*o'
'hello' -notlike 'x*'
'abc123' -match '(\d+)'
$Matches[1]
'x' -match 'y'
