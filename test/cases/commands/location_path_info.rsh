# Get-Location, $PWD and -PassThru give a PathInfo (microsoft.powershell.management/get-location): shown as a Path
# table, its path in strings and conversions, and `.Path` for the idioms `(Get-Location).Path` and `$PWD.Path`.
Set-Location /
Get-Location
(Get-Location).Path
$PWD.Path
"in text: $PWD"
(Get-Location).GetType().Name
$PWD -eq '/'
Join-Path $PWD 'tmp'
(Get-Location) -is [System.Management.Automation.PathInfo]; (Get-Location) -is [string]
