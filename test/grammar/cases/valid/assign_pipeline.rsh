$files = Get-ChildItem | Select-Object -First 2
