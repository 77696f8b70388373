Get-ChildItem
