Write-Output file$n.txt
