# about_Redirection: > $null discards, 2>&1 merges errors into the output, 2> $null drops errors.
'discarded' > $null
Write-Error 'merged' 2>&1 | ForEach-Object { "output got: $_" }
Write-Error 'dropped' 2> $null
Write-Error 'reported'
'end'
