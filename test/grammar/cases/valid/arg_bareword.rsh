Write-Output hello
