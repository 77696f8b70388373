Write-Output (1 + 2)
