Get-Item a > $null
