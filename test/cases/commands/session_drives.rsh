# about_Providers: Test-Path on the Variable, Function and Alias drives says whether the caller can see the item
# (names in any case; a child scope sees its parent's variables). `Test-Path variable:x` is how scripts ask whether
# a variable is set.
$x = 1; Test-Path variable:x; Test-Path Variable:X; Test-Path variable:nope
function f {}; Test-Path function:f; Test-Path function:g
Test-Path alias:gci; Set-Alias zz Get-Date; Test-Path alias:zz; Test-Path alias:qq
Test-Path variable:x -PathType Container
& { Test-Path variable:x }
Remove-Variable x; Test-Path variable:x
