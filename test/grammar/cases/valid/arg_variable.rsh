Write-Output $x
