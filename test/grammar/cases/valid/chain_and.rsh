Get-Item a && Write-Output ok
