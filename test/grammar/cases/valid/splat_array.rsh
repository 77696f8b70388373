Write-Output @list
