# about_Operators, range operator: integers both ways; in PowerShell 7 two characters make a range of characters.
1..4 -join ','
3..1 -join ','
'a'..'e' -join ''
'z'..'x' -join ''
foreach ($c in 'A'..'C') { "[$c]" }
'x'..'z' | ForEach-Object { $_.ToUpper() }
# Strings that are numbers are numbers.
'1'..'3' -join ','
