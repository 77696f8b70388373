Get-Item a >
