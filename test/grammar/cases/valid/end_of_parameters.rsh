Write-Output -- -NotAParameter
