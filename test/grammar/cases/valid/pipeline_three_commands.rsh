Get-Item a | Select-Object -First 1 | Out-Null
