Get-Item a 2> err.txt
