# Add-Member (microsoft.powershell.utility/add-member): NoteProperty by -MemberType/-Name/-Value, by
# -NotePropertyName/-NotePropertyValue, by -NotePropertyMembers (a hashtable), the short forms `Add-Member N V` and
# `Add-Member @{…}`, -PassThru, -Force, -TypeName, and MemberAlreadyExists (non-terminating: the other members of a
# hashtable are still added, and -PassThru writes nothing when none was).
$o = [pscustomobject]@{ A = 1 }
Add-Member -InputObject $o -MemberType NoteProperty -Name B -Value 2
$o | Add-Member -NotePropertyName C -NotePropertyValue 3
$o | Add-Member -NotePropertyMembers @{ D = 4 }
$o | Add-Member @{ E = 5 }
$o | Add-Member F 6 -PassThru
$o | Add-Member A 9 -PassThru
$o | Add-Member @{ A = 0; G = 7 } -PassThru | ForEach-Object { "$($_.A) $($_.G)" }
$o | Add-Member A 9 -Force
$o.A
$s = 'text' | Add-Member -NotePropertyName Tag -NotePropertyValue 'x' -PassThru
$s
$s.Tag
$s.Length
$t = [pscustomobject]@{ V = 1 } | Add-Member -TypeName My.Thing -PassThru
$t.V
try { $o | Add-Member -MemberType CodeProperty -Name Z -Value 1 } catch { $_.Exception.Message }
