Write-Output 1 2
Write-Output @(1, 2) -NoEnumerate | ForEach-Object { $_.Count }
echo hi
