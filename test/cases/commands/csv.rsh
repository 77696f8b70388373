# ConvertTo-Csv and ConvertFrom-Csv (microsoft.powershell.utility/convertto-csv, convertfrom-csv), PowerShell 7:
# no #TYPE line unless -IncludeTypeInformation; every field quoted by default, -UseQuotes AsNeeded/Never,
# -QuoteFields; `""` for a quote; $null as nothing; -Delimiter; -NoHeader; -Header; quoted fields with the delimiter
# or line breaks; blanks around fields; #TYPE names the objects' type; a column without a name is H1.
$o = [pscustomobject]@{ Name = 'a,b'; Q = 'say "hi"'; N = 1; E = $null }
$o | ConvertTo-Csv
$o | ConvertTo-Csv -UseQuotes AsNeeded
$o | ConvertTo-Csv -UseQuotes Never -Delimiter ';'
$o | ConvertTo-Csv -QuoteFields N -IncludeTypeInformation
$o, [pscustomobject]@{ N = 2; Other = 3 } | ConvertTo-Csv -NoHeader
ConvertTo-Csv -InputObject @{ K = 'v' }
'text' | ConvertTo-Csv
$rows = 'Name,Age', 'ann,30', '"bo, jr",4' | ConvertFrom-Csv
$rows.Count
$rows[1].Name
$rows[0].Age.GetType().Name
'x;y' | ConvertFrom-Csv -Delimiter ';' -Header A, B, C | Format-List
"A,B`n""two`nlines"",2" | ConvertFrom-Csv | ForEach-Object { $_.A.Replace("`n", '|') }
'#TYPE My.Row', 'A', '1' | ConvertFrom-Csv | ForEach-Object A
'A,B', '  x  , "y" ', 'p"q,r' | ConvertFrom-Csv | ForEach-Object { "[$($_.A)][$($_.B)]" }
'A,,C', '1,2,3' | ConvertFrom-Csv | ForEach-Object { "$($_.A) $($_.H1) $($_.C)" }
try { 'A,a', '1,2' | ConvertFrom-Csv } catch { $_.Exception.Message }
# A round trip keeps the values as strings; $null is written as nothing (not "") and, as the last field of the
# text, read back as $null (ImportCsvHelper adds no empty field at the end of the input).
$back = $o | ConvertTo-Csv | ConvertFrom-Csv
$back.Q
$null -eq $back.E
try { $o | ConvertTo-Csv -UseQuotes Sometimes } catch { $_.Exception.Message }
try { $o | ConvertTo-Csv -Delimiter ab } catch { $_.Exception.Message }
