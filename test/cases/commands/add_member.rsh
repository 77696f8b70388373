# Add-Member (microsoft.powershell.utility/add-member): NoteProperty by -MemberType/-Name/-Value, by
# -NotePropertyName/-NotePropertyValue, by -NotePropertyMembers (a hashtable), the short forms `Add-Member N V` and
# `Add-Member @{…}`, -PassThru, -Force, -TypeName, and the MemberAlreadyExists error.
$o = [pscustomobject]@{ A = 1 }
Add-Member -InputObject $o -MemberType NoteProperty -Name B -Value 2
$o | Add-Member -NotePropertyName C -NotePropertyValue 3
$o | Add-Member -NotePropertyMembers @{ D = 4 }
$o | Add-Member @{ E = 5 }
$o | Add-Member F 6 -PassThru
try { $o | Add-Member A 9 } catch { $_.Exception.Message }
$o | Add-Member A 9 -Force
$o.A
$s = 'text' | Add-Member -NotePropertyName Tag -NotePropertyValue 'x' -PassThru
$s
$s.Tag
$s.Length
$t = [pscustomobject]@{ V = 1 } | Add-Member -TypeName My.Thing -PassThru
$t.V
try { $o | Add-Member -MemberType ScriptProperty -Name Z -Value { 1 } } catch { $_.Exception.Message }
