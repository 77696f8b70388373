Write-Error 'oops'
'after'
$?
