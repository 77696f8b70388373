# about_Try_Catch_Finally: an error that is not thrown ends its statement only — the script goes on — unless a try
# (here, in the caller) catches it or $ErrorActionPreference is Stop; throw ends the script.
1/0
'after a division by zero'
foreach ($i in 1..2) { [int]"x$i"; "loop $i" }
function Risky { Get-NoSuchCommand; 'risky went on' }
Risky
try { Risky } catch { "caught: $($_.Exception.Message.Split([char]10)[0])" }
foreach ($x in $null) { 'never: $null is no items to foreach' }
$ErrorActionPreference = 'Stop'
try { 1/0; 'not reached' } catch { 'Stop makes it caught' }
throw 'the end'
'never printed'
