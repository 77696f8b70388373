Get-Item a 2>&1
