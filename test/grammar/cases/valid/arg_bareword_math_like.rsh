Write-Output 2-1
