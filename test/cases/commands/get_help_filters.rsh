# Get-Help -Category, -Component, -Functionality and -Role (microsoft.powershell.core/get-help): help is found
# only when it is of a category asked for (a function's is Function, a cmdlet's Cmdlet, an alias's Alias too) and its
# comment-based help's .COMPONENT/.FUNCTIONALITY/.ROLE match the patterns; otherwise Get-Help finds nothing.
function Get-Thing {
<#
.SYNOPSIS
Gets a thing.
.COMPONENT
Storage
.ROLE
Admin
#>
param()
}
(Get-Help Get-Thing -Category Function)[1]
Get-Help Get-Thing -Category Cmdlet
(Get-Help Get-Thing -Component Stor*)[1]
Get-Help Get-Thing -Role User
(Get-Help gci -Category Alias)[1]
(Get-Help Get-Date -Category Cmdlet)[1]
Get-Help Get-Date -Functionality x
