Write-Output a,b,c
