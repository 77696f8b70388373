Get-Item a | ForEach-Object {
  if ($_.Length -gt 0) { $_ | Select-Object -First 1 }
}
