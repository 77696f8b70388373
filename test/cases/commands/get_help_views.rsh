# Get-Help -Examples (name, synopsis and examples) and -Parameter (each matching parameter, wildcards; none matching is
# NoParmsFound) for comment-based help and a built-in (microsoft.powershell.core/get-help, about_Comment_Based_Help).
function f { <#
.SYNOPSIS
Does f.
.PARAMETER Path
Where.
.PARAMETER Count
How many.
.EXAMPLE
f -Path a
#>
param([string]$Path, [int]$Count, [switch]$Force) }
Get-Help f -Examples
'---'
Get-Help f -Parameter Path
'---'
Get-Help f -Parameter *
'---'
Get-Help Get-Content -Parameter Tail, Raw
Get-Help f -Parameter zz
