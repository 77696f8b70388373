# Get-Random (microsoft.powershell.utility/get-random): -Maximum is exclusive, -Minimum inclusive; -SetSeed repeats a
# sequence; -Count distinct items of -InputObject; -Shuffle; integer bounds give integers; PowerShell's error when
# the minimum is not below the maximum. New-Guid, Measure-Command (a TimeSpan; the block runs in the caller's
# scope), Get-Host.
$a = Get-Random -SetSeed 42 -Maximum 1000
$b = Get-Random -SetSeed 42 -Maximum 1000
$a -eq $b
Get-Random -Minimum 5 -Maximum 6
$many = 1..200 | ForEach-Object { Get-Random -Maximum 3 }
($many | Sort-Object -Unique) -join ','
(Get-Random -Maximum 2.5) -is [double]
$pick = 1..10 | Get-Random -Count 3
$pick.Count
($pick | Sort-Object -Unique).Count
(Get-Random -InputObject 'a', 'b', 'c' -Count 10 | Sort-Object) -join ','
(Get-Random -InputObject 1, 2, 3, 4 -Shuffle | Sort-Object) -join ','
(Get-Random -Count 5 -Maximum 10).Count
try { Get-Random -Minimum 10 -Maximum 5 } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
try { Get-Random -Count 0 } catch { $_.Exception.Message }
$g = New-Guid
"$g" -match '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'
$g.Guid -eq "$g"
New-Guid -Empty
$t = Measure-Command { $x = 1..100 | ForEach-Object { $_ } }
$t.TotalMilliseconds -ge 0
($t | Get-Member -MemberType NoteProperty).Name -join ','
$x.Count
(1, 2, 3 | Measure-Command { $script:seen += $_ }).Ticks -ge 0
$seen
(Get-Host).Name
(Get-Host).Version -eq $PSVersionTable.PSVersion
# A fractional bound makes doubles, and the other bound's default Double's largest value.
(Get-Random -Minimum 0.5) -gt 0.5
try { Get-Random -Maximum -3 } catch { $_.Exception.Message }
