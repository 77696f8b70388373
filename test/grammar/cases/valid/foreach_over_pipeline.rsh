foreach ($f in Get-ChildItem) { $f.Name }
