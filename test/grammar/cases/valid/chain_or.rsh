Get-Item a || Write-Output failed
