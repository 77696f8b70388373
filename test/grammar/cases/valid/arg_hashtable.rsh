New-Object -Property @{ a = 1 }
