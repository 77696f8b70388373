$x + 1 | Write-Output
