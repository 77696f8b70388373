# A date as text (about_Type_Conversion, DateTime.ToString): "$date" and [string] use the invariant culture
# (MM/dd/yyyy HH:mm:ss); ToString(), -f and table cells the current culture (en-US: M/d/yyyy h:mm:ss tt); a date
# written alone shows its long form; ToString(format) and -f take .NET's standard and custom format strings;
# [datetime]::ParseExact reads a custom format and refuses a date that does not exist.
$d = Get-Date -Year 2021 -Month 5 -Day 6 -Hour 13 -Minute 14 -Second 15 -Millisecond 0
"$d"; [string]$d; $d.ToString(); $d.ToString('yyyy-MM-dd HH:mm'); $d.ToString('D'); $d.ToShortDateString(); $d.ToLongTimeString()
'{0:yyyy}|{0:MMM d}|{1}' -f $d, $d
$d
[pscustomobject]@{ When = $d }
[datetime]::ParseExact('06/05/2021', 'dd/MM/yyyy', $null).Month
[datetime]::ParseExact('2021-05-06 1:02 PM', 'yyyy-MM-dd h:mm tt', [Globalization.CultureInfo]::InvariantCulture).Hour
[datetime]::ParseExact('06 May 2021', 'dd MMM yyyy', $null).ToString('s')
try { [datetime]::ParseExact('31/02/2021', 'dd/MM/yyyy', $null) } catch { $_.Exception.Message }
try { $d.ToString('yyyy-fffffffff') } catch { $_.Exception.Message }
