# Get-Alias -Name (several, wildcards), -Definition and -Exclude (microsoft.powershell.utility/get-alias); Get-Command
# -Verb and -Noun, which pick cmdlets and functions by the halves of their names, and -Syntax
# (microsoft.powershell.core/get-command).
(Get-Alias gci, gc).Definition
(Get-Alias -Definition Get-ChildItem).Name -join ','
(Get-Alias -Definition Get-Content).Name -join ','
(Get-Alias gc* -Exclude gcm).Name -join ','
Get-Alias -Definition Nope-Thing
(Get-Command -Verb Split).Name
(Get-Command -Noun Content -Verb Get, Set).Name -join ','
function Test-Thing {}
(Get-Command -Noun Thing).Name
(Get-Command -Verb Test -Noun Thing).CommandType
# -Syntax: the syntax line of a built-in (from its parameter table) and of a script function.
Get-Command Split-Path -Syntax
function Get-Pair([string]$Key, [int]$Count, [switch]$Force) {}
Get-Command Get-Pair -Syntax
