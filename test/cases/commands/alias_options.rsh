# Set-Alias/New-Alias -Description, -Option, -PassThru, -Force, -Scope and Get-Alias -Scope
# (microsoft.powershell.utility/set-alias, new-alias, get-alias): -PassThru writes the AliasInfo; a ReadOnly alias
# is rewritten only with -Force and a Constant one never; New-Alias -Force replaces an existing alias; -Scope takes
# Global, Local, Script or a number of scopes up; Get-Alias -Scope lists that scope's aliases only.
Set-Alias -Name greet -Value Write-Output -Description 'says it' -PassThru | Format-List CommandType, Name, Definition, Description, Options
(Get-Alias greet).Description
Set-Alias -Name fixed -Value Write-Output -Option ReadOnly
Set-Alias -Name fixed -Value Get-Date
(Get-Alias fixed).Definition
Set-Alias -Name fixed -Value Get-Date -Force
(Get-Alias fixed).Definition
(Get-Alias fixed).Options
New-Alias -Name forever -Value Write-Output -Option Constant
Set-Alias -Name forever -Value Get-Date -Force
New-Alias -Name greet -Value Get-Date
New-Alias -Name greet -Value Get-Random -Force
(Get-Alias greet).Definition
function inner { Set-Alias -Name upone -Value Write-Output -Scope 1; Set-Alias -Name mine -Value Write-Output; (Get-Alias -Scope Local).Name -join ',' }
inner
(Get-Alias upone).Definition
(Get-Alias -Scope Global -Name upone).Name
(Get-Alias -Scope Global -Name gci).Definition
