# ForEach-Object (microsoft.powershell.core/foreach-object): several -Process blocks map to begin, process and end
# (examples 8 and 9), and with -Begin/-End given they all run per object (example 10); -MemberName calls a method
# with -ArgumentList (example 7, also positionally: `foreach Split '.'`); a missing member gives $null.
1..2 | ForEach-Object { 'begin' } { 'process' }
1..2 | ForEach-Object { 'begin' } { 'process A' } { 'process B' } { 'end' }
1..2 | ForEach-Object -Begin $null -Process { 'one' }, { 'two' } -End $null
1 | ForEach-Object -Begin { 'b' } -Process { 'p1' }, { 'p2' }
"a.b", "c.d" | ForEach-Object -MemberName Split -ArgumentList "."
"x-y" | foreach Split "-"
"abc" | ForEach-Object -MemberName ToUpper
$null -eq ('abc' | ForEach-Object Nope)
# -MemberName with wildcards must resolve to one member ("ambiguous" otherwise); a member the object lacks is an
# error under Set-StrictMode -Version 2.
[pscustomobject]@{ FirstName = 'a'; Age = 3 } | ForEach-Object -MemberName Ag*
[pscustomobject]@{ FirstName = 'a'; LastName = 'b' } | ForEach-Object -MemberName *Name
Set-StrictMode -Version 2
'x' | ForEach-Object Nope
