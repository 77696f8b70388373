Write-Output -5
