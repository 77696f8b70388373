Write-Output 42
