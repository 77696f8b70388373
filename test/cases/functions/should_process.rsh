# [CmdletBinding(SupportsShouldProcess)] (about_Functions_CmdletBindingAttribute): the function takes -WhatIf, which
# holds for the commands it runs too; $PSCmdlet.ShouldProcess writes pwsh's "What if:" line and answers false. A
# function without SupportsShouldProcess refuses -WhatIf, as any advanced function refuses an unknown parameter.
$file = Join-Path ([IO.Path]::GetTempPath()) 'rsh-case-function-should-process.txt'
Set-Content $file 'keep'
function Remove-Thing {
  [CmdletBinding(SupportsShouldProcess)]
  param([string]$Name, [string]$Path)
  if ($PSCmdlet.ShouldProcess($Name, 'Remove thing')) { "removed $Name" } else { "kept $Name" }
  Remove-Item $Path
}
Remove-Thing alpha $file -WhatIf
Test-Path $file
Remove-Thing beta $file
Test-Path $file
function Plain { [CmdletBinding()] param() 'plain' }
try { Plain -WhatIf } catch { $_.Exception.Message }
function Once { [CmdletBinding(SupportsShouldProcess = $true)] param($T) $PSCmdlet.ShouldProcess($T); $PSCmdlet.ParameterSetName }
Once x -WhatIf
Once y
