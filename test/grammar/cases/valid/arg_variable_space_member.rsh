Write-Output $x .Name
