Set-Variable -Name answer -Value 42
Get-Variable answer -ValueOnly
$answer
Get-Date -Date '2026-11-25T10:20:30' -Format 'yyyy/MM/dd HH:mm'
(Get-Date -Date '2026-03-04').Month
Split-Path '/a/b/c.txt' -Leaf
Split-Path '/a/b/c.txt'
Join-Path '/a/' 'b'
