# about_Properties: every scalar has Count 1 and $null has Count 0; a hashtable value keeps a one-element array
# (@{ I = @('x') }.I is an array, as in PowerShell); $Error.Clear() empties the error list.
'x'.Count
$null.Count
(5).Count
$h = @{ I = @('x'); J = 'y' }
$h.I -is [array]
$h.J -is [array]
$h.I.Count
Write-Error 'one' -ErrorAction SilentlyContinue
$Error.Count
$null = $Error.Clear()
$Error.Count
