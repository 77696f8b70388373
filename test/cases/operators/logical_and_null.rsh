$true -and $false
$true -or $false
-not $true
!0
$null ?? 'default'
$x = $null
$x ??= 5
$x
(3 -gt 2) ? 'yes' : 'no'
