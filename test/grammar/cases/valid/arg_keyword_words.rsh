Write-Output if else foreach
