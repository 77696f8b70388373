# Select-Object -Property (Select-Object reference; about_Calculated_Properties): names, wildcards, calculated
# properties with Name/Label and Expression (a script block or a property name), key prefixes, script blocks;
# -ExcludeProperty, -Unique, -Index.
$o = [pscustomobject]@{ Name = 'a'; Size = 3; Secret = 'x' }
$o | Select-Object Name, @{ n = 'Double'; e = { $_.Size * 2 } }, @{ Label = 'Len'; Expression = 'Size' } | Format-List
$o | Select-Object * -ExcludeProperty Secret | Format-List
$o | Select-Object -ExcludeProperty S* | Format-List
$o | Select-Object N*, Si?? | Format-List
($o | Select-Object { $_.Name.ToUpper() } | Format-List | Out-String).Trim()
1, 1, 2, 'a', 'A' | Select-Object -Unique
10, 20, 30 | Select-Object -Index 0, 2
$o | Select-Object @{ n = 'NoExpression' }
'after'
