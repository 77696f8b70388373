Get-Item a | 5
