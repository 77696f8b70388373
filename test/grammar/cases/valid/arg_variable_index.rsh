Write-Output $x[0]
