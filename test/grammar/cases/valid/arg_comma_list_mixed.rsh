Write-Output 1, 'two', $three
