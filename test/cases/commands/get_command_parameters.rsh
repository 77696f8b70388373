# Get-Command -TotalCount, -All, -Module, -ParameterName, -ParameterType, -UseAbbreviationExpansion and -ListImported
# (microsoft.powershell.core/get-command): -TotalCount keeps the first N; -All also lists the commands a name's
# winner hides (a cmdlet under a function of its name); -Module picks a module's commands (rsh's built-ins are the
# `rsh` module's); -ParameterName/-ParameterType (wildcards, .NET or PowerShell type names) pick cmdlets and
# functions with such a parameter; -UseAbbreviationExpansion matches `i-e` to Invoke-Expression (the verb's first
# letter and the noun's capitals); every command here is imported, so -ListImported lists what Get-Command does.
# -UseFuzzyMatching lists the names within -FuzzyMinimumDistance (default 5) edits, nearest first; a swap of two
# neighbouring letters is one edit (FuzzyMatcher's Damerau-Levenshtein distance).
(Get-Command -Name Get-* -TotalCount 3).Name -join ','
(Get-Command -Verb Write -ParameterName NoNewline).Name -join ','
(Get-Command -Noun Json -ParameterName Dep*).Name -join ','
(Get-Command -ParameterType scriptblock -Verb Measure).Name -join ','
(Get-Command -ParameterType System.Management.Automation.ScriptBlock -Verb Measure).Name -join ','
(Get-Command i-e -UseAbbreviationExpansion).Name
(Get-Command -Name g-r* -UseAbbreviationExpansion).Name -join ','
function Write-Output { 'mine' }
(Get-Command Write-Output).CommandType
(Get-Command Write-Output -All).CommandType -join ','
(Get-Command -Module rsh -Noun Alias).Name -join ','
(Get-Command -Module nosuchmodule -Noun Alias).Count
function My-Thing { param([int]$Count) }
(Get-Command -ParameterName Count -ParameterType int).Name -join ','
(Get-Command -ListImported -Name Get-Date).Name
(Get-Command get-commnd -UseFuzzyMatching)[0].Name
(Get-Command gte-date -UseFuzzyMatching -FuzzyMinimumDistance 1).Name -join ','
(Get-Command wrte-hst -UseFuzzyMatching -FuzzyMinimumDistance 1).Count
