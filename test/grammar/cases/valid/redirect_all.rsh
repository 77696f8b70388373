Get-Item a *> all.txt
