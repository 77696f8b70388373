# Where-Object (microsoft.powershell.core/where-object): the comparison switches include the case-sensitive
# -CContains/-CNotContains/-CIn/-CNotIn, the `I` aliases of the case-insensitive ones (-IEQ, -ILike, …) and -Not
# (the property's value is false).
$rows = [pscustomobject]@{ N = 'a'; L = 'x', 'Y'; F = $true }, [pscustomobject]@{ N = 'B'; L = 'y'; F = $false }
($rows | Where-Object L -CContains 'Y' | ForEach-Object N) -join ' '
($rows | Where-Object L -CNotContains 'Y' | ForEach-Object N) -join ' '
($rows | Where-Object N -CIn 'A', 'B' | ForEach-Object N) -join ' '
($rows | Where-Object N -CNotIn 'A', 'B' | ForEach-Object N) -join ' '
($rows | Where-Object N -IEQ 'A' | ForEach-Object N) -join ' '
($rows | Where-Object N -ILike 'b*' | ForEach-Object N) -join ' '
($rows | Where-Object F -Not | ForEach-Object N) -join ' '
# An operator without -Value, or a -Value without an operator, stops the statement (WhereObjectCommand's
# ValueNotSpecifiedForWhereObject and OperatorNotSpecified).
$rows | Where-Object N -EQ
$rows | Where-Object N 'a'
'after'
