# DateTime arithmetic as .NET's DateTime/TimeSpan (about_Arithmetic_Operators: date - date is a TimeSpan).
$d = [datetime]'2024-01-31T10:00:00'
$d.AddDays(1).Day; $d.AddMonths(1).Day; $d.AddYears(1).Year; $d.AddHours(-11).Day; $d.Date.Hour; $d.DayOfYear
($d.AddHours(36) - $d).TotalHours
($d - $d.AddMinutes(90)).Minutes
($d + (New-TimeSpan -Days 1)).Month
($d - (New-TimeSpan -Days 31)).Year
(New-TimeSpan -Start '2024-01-01' -End '2024-01-03').Days
(New-TimeSpan -Hours 1 -Minutes 30).TotalMinutes
$d.Subtract([datetime]'2024-01-30T10:00:00').Days
# A [void] cast discards its value: as a statement it writes nothing, as a value it is $null.
[void]'discarded'
$v = [void]1; $null -eq $v
(& { [void]'x'; 'kept' }).Count
