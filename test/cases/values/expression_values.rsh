# An expression assigned or parenthesized keeps its value: @(1) stays a one-element array (about_Arrays).
$a = @(1)
$a.Count
(@(1)).Count
$e = @()
$e.Count
$b = 1, 2
$b.Count
$s = $(@(1))
$s.GetType().Name
$null = 'discarded'
$null
try { $true = 1 } catch { 'cannot assign $true' }
