Write-Output "a $b"
