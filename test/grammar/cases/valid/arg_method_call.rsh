Write-Output $s.ToUpper()
