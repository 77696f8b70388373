# Get-Date -DisplayHint and -AsUTC (microsoft.powershell.utility/get-date): -DisplayHint Date/Time/DateTime keeps the
# whole DateTime but Out-Default shows only its date part (long date) or time part (long time), as the DateTime view
# of DotNetTypes.format.ps1xml reads the DisplayHint note; -AsUTC gives the universal time (ToUniversalTime), also
# under -Format and with -UnixTimeSeconds.
$d = Get-Date -Date '2026-03-04T17:06:07'
Get-Date -Date $d -DisplayHint Date
Get-Date -Date $d -DisplayHint Time
Get-Date -Date $d -DisplayHint DateTime
(Get-Date -Date $d -DisplayHint Time).Day
(Get-Date -Date $d -DisplayHint Date).DisplayHint
(Get-Date -Date $d -AsUTC) -eq $d.ToUniversalTime()
(Get-Date -Date $d -AsUTC -Format 'HH:mm') -eq $d.ToUniversalTime().ToString('HH:mm')
Get-Date -UnixTimeSeconds 86400 -AsUTC -Format 'yyyy-MM-dd HH:mm:ss'
