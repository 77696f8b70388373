Get-Item a |
