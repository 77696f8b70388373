Get-ChildItem -Recurse:$false
