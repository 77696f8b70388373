(Get-Date).Year
