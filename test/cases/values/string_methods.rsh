'Hello'.ToUpper()
'  x '.Trim()
'a,b,c'.Split(',').Count
'abc'.Replace('b','x')
'abc'.Length
'abc'.Substring(1)
'abc'.Contains('b')
