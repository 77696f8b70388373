Write-Output [int]
