# Set-Variable/New-Variable -Description, -Option, -Visibility and Set-Variable -Include/-Exclude
# (microsoft.powershell.utility/set-variable, new-variable): the PSVariable keeps its Description, Options and
# Visibility; a ReadOnly variable changes or goes only with -Force, a Constant one never, and an existing variable
# cannot be made constant; -Option Private hides the variable from child scopes. The variables written are PSVariables:
# their view (PowerShellCore_format_ps1xml) shows Name 30 cells wide and Value; Format-List * shows all their members.
New-Variable -Name ro -Value 1 -Option ReadOnly -Description 'fixed' -PassThru | Format-List Name, Value, Description, Options, Visibility
Set-Variable -Name ro -Value 2
$ro
Set-Variable -Name ro -Value 3 -Force
$ro
Remove-Variable ro
Clear-Variable ro
Remove-Variable ro -Force
Test-Path variable:ro
New-Variable -Name k -Value 'const' -Option Constant
Set-Variable k 'other' -Force
Remove-Variable k -Force
$k
(Get-Variable k).Options
Set-Variable -Name plain -Value 1
Set-Variable -Name plain -Option Constant
Set-Variable -Name plain -Description 'described'
(Get-Variable plain).Description
$plain
New-Variable -Name hidden -Value 'mine' -Option Private
& { "child sees: [$hidden]" }
"own scope sees: [$hidden]"
New-Variable -Name vis -Value 1 -Visibility Private
(Get-Variable vis).Visibility
$a1 = 1; $a2 = 2; $b1 = 3
Set-Variable -Name a* -Value 0 -Exclude a2
"$a1 $a2 $b1"
Set-Variable -Name a1, b1 -Value 9 -Include b*
"$a1 $a2 $b1"
$listed = 1, 2
Get-Variable listed
Get-Variable listed | Format-List *
