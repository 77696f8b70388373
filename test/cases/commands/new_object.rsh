# New-Object (microsoft.powershell.utility/new-object): PSObject with -Property, hashtable, a generic list, DateTime
# with -ArgumentList, and the TypeNotFound error for an unknown type.
$p = New-Object PSObject -Property @{ X = 1; Y = 'two' }
$p
$p.GetType().FullName
$q = New-Object -TypeName System.Management.Automation.PSCustomObject
$q.GetType().Name
$h = New-Object hashtable
$h.a = 1
$h.Count
$l = New-Object System.Collections.Generic.List[int]
$l.Count
$d = New-Object DateTime 2020, 1, 2
$d.Year, $d.Month, $d.Day -join '-'
try { New-Object Foo.Bar } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
