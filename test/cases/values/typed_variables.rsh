# about_Variables ("Types of variables"): a variable assigned with a cast, [int]$n = …, is held to that type, and
# every later value is converted to it; a typed parameter is held to its type the same way (about_Functions). An
# unbound [int]/[bool]/[string] parameter holds its type's default, not $null (PowerShell/PowerShell#4616, #21410).
[int]$n = '5'; $n.GetType().Name; $n = '7.6'; $n; $n += '1'; $n; $n++; $n
[string]$s = 5; $s = 6; $s.GetType().Name; $s.Length
[int[]]$a = 1, 2; $a += '3'; $a[2].GetType().Name; $a -join ','
[bool]$b = 'x'; $b; $b = 0; $b
[double]$d = 1; $d = '2.5'; $d * 2
function f([int]$x, [string]$t, [switch]$w, $plain) { "x=[$x] empty=[$($t -eq '')] w=[$w] plain=[$($null -eq $plain)]"; $x = '9'; $x.GetType().Name }
f
f -x 3
# A value that cannot be converted is refused, and the variable keeps what it had.
try { $n = 'abc' } catch { "error: $($_.Exception.Message)" }
"n is still $n"
# The constraint belongs to the variable of that scope: a child scope's assignment makes its own variable.
function g { [int]$local = 1; $local = '22'; $local + 1 }
g
$plain = 'p'; function h { [int]$plain = '3'; $plain }; h; $plain
function k { $n = 'text in a child scope'; $n }
k
for ([int]$i = 0; $i -lt 3; $i++) { $i }
# A new cast re-types the variable.
[string]$n = 12; $n = 3.5; $n.GetType().Name
function p { param([Parameter(ValueFromPipeline)][int]$v) process { $v = "$v" + '0'; $v * 2 } }
'1', '2' | p
# A [T[]] cast makes an array of T (its type is T[]); adding to it makes an Object[], which a [T[]] variable converts back.
([int[]](1, 2, 3)).GetType().Name
[int[]]$typed = 1, 2; $typed += 3; $typed.GetType().Name; ($typed + 4).GetType().Name
[string[]]$names = 'x'; $names.GetType().FullName
@(1, 2).GetType().Name; ([int[]](1, 2)) -is [int[]]; @(1, 2) -is [int[]]; ([int[]](1, 2)).ToString()
