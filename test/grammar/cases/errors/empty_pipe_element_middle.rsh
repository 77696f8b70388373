Get-Item a | | b
