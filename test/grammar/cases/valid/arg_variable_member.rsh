Write-Output $x.Name
