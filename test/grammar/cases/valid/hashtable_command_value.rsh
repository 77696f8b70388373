@{ when = Get-Date }
