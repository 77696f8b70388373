Get-Item a >> out.txt
