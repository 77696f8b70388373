# Set-StrictMode (about_Scopes, the Set-StrictMode reference): each version adds checks; -Off removes them.
# Off (the default): an unset variable, a missing property and an index past the end are all $null.
$null -eq $nope; $null -eq 'abc'.Nope; $null -eq @(1, 2)[5]
Set-StrictMode -Version 1.0
# 1.0: an unset variable is an error, but not inside a string.
$nope
"in a string: [$nope]"
'abc'.Nope -eq $null
Set-StrictMode -Version 2.0
# 2.0: also inside strings, and a missing property of an object.
"in a string: [$nope]"
'abc'.Nope
([pscustomobject]@{ A = 1 }).B
# A hashtable's missing key is still $null.
$null -eq @{ a = 1 }.b
Set-StrictMode -Version Latest
# Latest (3.0): also an index past either end.
@(1, 2)[5]
@(1, 2)[-3]
@(1, 2)[-1]
# Strict mode applies to the scope that set it and its children: a function sets its own.
function Relaxed { Set-StrictMode -Off; $inner; 'relaxed ok' }
Relaxed
$stillStrict
# $env: variables are not checked.
$null -eq $env:RSH_SURELY_UNSET
Set-StrictMode -Version 4
Set-StrictMode
Set-StrictMode -Off
$nope
'done'
