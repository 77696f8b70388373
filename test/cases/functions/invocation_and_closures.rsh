# about_Automatic_Variables: $PSBoundParameters holds the parameters a call bound (not defaults; pipeline-bound ones
# as they bind) and forwards by splatting; $MyInvocation tells the command's name, the name it was called by, its bound
# parameters and the calling line. about_Script_Blocks: .GetNewClosure() binds a block to a copy of the caller's
# variables at that moment. $PID is the process id.
function Test-Bound { param($A, $B = 5) "keys: $(($PSBoundParameters.Keys | Sort-Object) -join ',')"; $PSBoundParameters.ContainsKey('B') }
Test-Bound -B 1
Test-Bound 7
Test-Bound
function Inner { param($A, $B) "inner A=$A B=$B" }
function Outer { param($A, $B) Inner @PSBoundParameters }
Outer -A x -B y
function Get-Me { [CmdletBinding()] param([Parameter(ValueFromPipeline)]$InputObject) process { $PSBoundParameters['InputObject'] } }
1, 2 | Get-Me
function Show-Invocation { param($X) $MyInvocation.MyCommand.Name; $MyInvocation.InvocationName; $MyInvocation.BoundParameters['X']; $MyInvocation.ScriptLineNumber; $MyInvocation.Line.Trim() }
Set-Alias si Show-Invocation
si -X 3
$closure = & { $v = 10; { $v + 1 }.GetNewClosure() }
& $closure
$v = 1; $sb = { $v }.GetNewClosure(); $v = 2
& $sb; $sb.Invoke(); 1 | ForEach-Object $sb; { $v }.Invoke()
function New-Counter($n) { { "n=$n" }.GetNewClosure() }
$a = New-Counter 1; $b = New-Counter 2
& $a; & $b
$PID -gt 0
