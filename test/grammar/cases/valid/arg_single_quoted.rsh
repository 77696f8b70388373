Write-Output 'a b'
