Write-Error 'hidden' -ErrorAction SilentlyContinue
'visible'
