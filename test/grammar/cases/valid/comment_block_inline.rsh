Write-Output <# inline #> 5
