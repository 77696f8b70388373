:label Get-Item
