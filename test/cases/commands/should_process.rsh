# -WhatIf and -Confirm on the commands that change something (about_CommonParameters, risk mitigation parameters;
# ShouldProcess texts from PowerShell's resources: FileSystemProviderStrings, NavigationResources, VariableCommandStrings,
# AliasCommandStrings, OutFile_Action). -WhatIf writes "What if: Performing the operation ..." to the host and changes
# nothing; -WhatIf:$false and $WhatIfPreference = $false go on; $WhatIfPreference = $true is -WhatIf for each command.
# The What if lines name full paths, so the directory has a fixed name under GetTempPath (rsh's is /tmp/).
$dir = Join-Path ([IO.Path]::GetTempPath()) 'rsh-case-should-process'
Remove-Item $dir -Recurse -Force -ErrorAction Ignore
$null = New-Item -ItemType Directory $dir
Set-Location $dir
Set-Content a.txt 'alpha'
$null = New-Item -ItemType Directory sub
Set-Content sub/inner.txt inner
function Show { (Get-ChildItem -Recurse -Name | Sort-Object) -join ', '; "a.txt: $(Get-Content a.txt -Raw)".TrimEnd() }
Show

'-- items'
New-Item b.txt -WhatIf
New-Item -ItemType Directory newdir -WhatIf
New-Item -ItemType SymbolicLink link -Value a.txt -WhatIf
Copy-Item a.txt c.txt -WhatIf
Copy-Item sub sub2 -Recurse -WhatIf
Move-Item a.txt sub -WhatIf
Rename-Item a.txt renamed.txt -WhatIf
Remove-Item a.txt -WhatIf
Show

'-- content'
Set-Content a.txt 'beta' -WhatIf
Add-Content a.txt 'gamma' -WhatIf
Clear-Content a.txt -WhatIf
'out' | Out-File out.txt -WhatIf
[pscustomobject]@{ A = 1 } | Export-Csv data.csv -WhatIf
Show

'-- variables'
$v = 'old'
Set-Variable v 'new' -WhatIf
Set-Variable v @(1, 2) -WhatIf
New-Variable w 5 -WhatIf
Clear-Variable v -WhatIf
Remove-Variable v -WhatIf
"v = $v; w exists: $(Test-Path variable:w)"

'-- aliases'
Set-Alias zz Get-Date -WhatIf
New-Alias zy Get-Date -WhatIf
"aliases: $(@(Get-Alias zz, zy -ErrorAction Ignore).Count)"

'-- -WhatIf:$false changes'
Copy-Item a.txt c.txt -WhatIf:$false
Set-Variable v 'changed' -WhatIf:$false
Show
"v = $v"

'-- $WhatIfPreference'
$WhatIfPreference = $true
Remove-Item c.txt
Set-Content a.txt 'delta'
Set-Variable v 'again'
Remove-Item c.txt -WhatIf:$false
$WhatIfPreference = $false
Show
"v = $v"

Set-Location ([IO.Path]::GetTempPath())
Remove-Item $dir -Recurse -Force
"removed: $(-not (Test-Path $dir))"
