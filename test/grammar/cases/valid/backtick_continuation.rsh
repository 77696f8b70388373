Write-Output `
  -InputObject 5
