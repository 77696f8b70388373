Write-Output 1kb
