# Get-Date (microsoft.powershell.utility/get-date; .NET's "Custom date and time format strings" and "Standard date and
# time format strings", en-US): -Format's custom specifiers, standard letters and PowerShell's FileDate names;
# -UFormat's specifiers; -Year … -Millisecond replace parts of the date by adding the difference (AddMonths, AddDays).
$d = Get-Date -Date '2026-03-04T17:06:07.0891'
Get-Date -Date $d -Format 'yy yyyy M MM MMM MMMM d dd ddd dddd'
Get-Date -Date $d -Format 'H HH h hh m mm s ss f ff fff ffff t tt'
Get-Date -Date $d -Format 'yyyyMMdd'
Get-Date -Date $d -Format 'HH:mm:ss.FFFFFFF'
# An F run that writes nothing takes the decimal point before it away.
Get-Date -Date '2026-03-04T17:06:07' -Format 'HH:mm:ss.FFF'
# Quoted text and backslash escapes are literal; %d is the custom `d`, not the standard short date.
Get-Date -Date $d -Format "'Year' yyyy \d\a\y d"
Get-Date -Date $d -Format '%d'
Get-Date -Date $d -Format 's'
Get-Date -Date $d -Format 'd'
Get-Date -Date $d -Format 'D'
Get-Date -Date $d -Format 'f'
Get-Date -Date $d -Format 'g'
Get-Date -Date $d -Format 'G'
Get-Date -Date $d -Format 't'
Get-Date -Date $d -Format 'T'
Get-Date -Date $d -Format 'M'
Get-Date -Date $d -Format 'Y'
Get-Date -Date $d -Format 'FileDate'
Get-Date -Date $d -Format 'FileDateTime'
Get-Date -Date $d -UFormat '%Y-%m-%d %H:%M:%S'
Get-Date -Date $d -UFormat '%a %A %b %B %h %C %y %D %F %T %R %r %p %I'
Get-Date -Date $d -UFormat '%j|%e|%k|%l|%u|%w|%V|%x|%X|%%|%q'
Get-Date -Date $d -UFormat '%c'
# -Year, -Month, -Day … are applied in that order as differences: 2020-02-30 is 2020-03-01.
Get-Date -Date $d -Year 2020 -Month 2 -Day 30 -Format 'yyyy-MM-dd HH:mm:ss.fff'
Get-Date -Date $d -Hour 0 -Minute 1 -Second 2 -Millisecond 3 -Format 'yyyy-MM-dd HH:mm:ss.fff'
Get-Date -Date '2026-01-31' -Month 2 -Format 'yyyy-MM-dd'
(Get-Date -Date $d -Day 1).Day
# -Date takes pipeline input (ValueFromPipeline), converted to a DateTime.
'2026-12-25' | Get-Date -Format 'dddd'

Get-Date -Month 13
Get-Date -Hour -1
Get-Date -Format 'yyyy' -UFormat '%Y'
