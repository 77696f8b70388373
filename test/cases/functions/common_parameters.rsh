# about_CommonParameters: an advanced function ([CmdletBinding()]) takes -Verbose, -ErrorAction, -OutVariable and
# -ErrorVariable; -ErrorAction Stop makes its errors terminating, caught by the caller's try; built-ins take them too.
function f {
  [CmdletBinding()]
  param($x)
  Write-Verbose "v $x"
  Write-Error "e"
  "out $x"
}
f 1 -Verbose -ErrorAction SilentlyContinue -OutVariable got -ErrorVariable errs
"got: $got; errors: $($errs.Count)"
function g {
  [CmdletBinding()]
  param()
  Write-Error "x"
  'not reached'
}
try { g -ErrorAction Stop } catch { "caught $_" }
Get-Content /no/such/file -ErrorAction SilentlyContinue -ErrorVariable missing -OutVariable none
"missing: $($missing.Count); none: $($none.Count)"
'a', 'b' | Sort-Object -Descending -OutVariable sorted | Out-Null
$sorted -join ','
# -PipelineVariable (about_CommonParameters): each object a command writes is in the variable while the later
# commands of the pipeline handle it; advanced functions take it too.
1..3 | ForEach-Object { $_ * 10 } -PipelineVariable tens | ForEach-Object { "$tens/$_" }
function Get-Pair { [CmdletBinding()] param() 'left'; 'right' }
Get-Pair -pv side | ForEach-Object { "side=$side" }
# An ActionPreference may be given by number (-ea 0 is SilentlyContinue, 1 is Stop); a missing path is ObjectNotFound.
Get-Content /no/such/file -ea 0; 'after -ea 0'
try { Get-Content /no/such/file -ea 1 } catch { "stopped: $($_.CategoryInfo)" }
