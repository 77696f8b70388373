# New-Variable, Set-Variable, Get-Variable, Clear-Variable, Remove-Variable (microsoft.powershell.utility/*-variable,
# about_Scopes): -Scope by name or number, -PassThru, -Force, wildcards, and PowerShell's errors.
New-Variable a 5
$a
New-Variable a 6
$a
New-Variable a 7 -Force -PassThru | ForEach-Object { "$($_.Name)=$($_.Value)" }
function Set-Outer { Set-Variable a 9 -Scope 1; $a }
Set-Outer
$a
function Set-Here { Set-Variable a 10; $a }
Set-Here
$a
# Set-Variable gathers piped values: several make an array.
1, 2 | Set-Variable b
$b.Count
Set-Variable c, d 'x'
"$c $d"
Clear-Variable a -PassThru | ForEach-Object { "$($_.Name)=[$($_.Value)]" }
$null -eq $a
Get-Variable a, b -ValueOnly
New-Variable tmp1 1; New-Variable tmp2 2; New-Variable keep 3
Remove-Variable tmp*
(Get-Variable tmp* | Measure-Object).Count
Get-Variable keep -ValueOnly
Remove-Variable keep, nope
Get-Variable keep
Clear-Variable nope
Get-Variable a -Scope 99
function Get-ScopedA { New-Variable a 'inner'; Get-Variable a -Scope 0 -ValueOnly; Get-Variable a -Scope Global -ValueOnly }
$global:a = 'outer'
Get-ScopedA
Get-Variable k* -Exclude ke* | Measure-Object | ForEach-Object Count
# Remove-Variable without -Scope looks only in the caller's scope; Clear-Variable finds an outer variable but sets
# $null in the caller's scope; a name the filters leave out is no error.
$outer = 'kept'
function Remove-Outer { Remove-Variable outer; Remove-Variable outer -Scope 1 }
Remove-Outer
$null -eq $outer
$outer = 'still'
function Clear-Outer { Clear-Variable outer; "[$outer]" }
Clear-Outer
$outer
Get-Variable outer -Exclude o*
