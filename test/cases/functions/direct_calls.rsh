# A statement that is just a call of a simple function (plain parameters, one body) runs without a pipeline
# processor; each line checks that it still behaves as about_Functions and about_Automatic_Variables say.
function Add($a, $b) { $a + $b }
function Show($a, $b) { "a=$a b=$b args=$($args -join ',') n=$($args.Count) input=$(@($input).Count)" }
Add 1 2
Show 1
Show 1 2 3 4
$total = 0; for ($i = 0; $i -lt 1000; $i++) { $total = Add $total $i }; $total
# A function that returns early still writes everything written before the return (about_Return).
function Early($x) { 'before'; if ($x) { return "ret $x" }; 'after' }
Early 1
Early 0
# Recursion: each call has its own scope (about_Scopes).
function Fib($n) { if ($n -lt 2) { $n } else { (Fib ($n - 1)) + (Fib ($n - 2)) } }
Fib 15
# Redefining the function between calls from the same call site takes effect at once.
foreach ($k in 1..2) { if ($k -eq 2) { function Add($a, $b) { "new $a $b" } }; Add $k 10 }
# Variables set in the function stay in its scope; the caller's are read (about_Scopes).
$outer = 'o'; function Reader($p) { $inner = 1; "$outer $p" }; Reader x; "inner: [$inner]"
# $? after a call that succeeded; a terminating error in the body reaches the caller's catch.
$null = Add 1 1; $?
function Boom($m) { throw "boom $m" }
try { Boom 7 } catch { "caught: $($_.Exception.Message)" }
# Named arguments and splatting take the binder's path and agree with positional ones.
function Pair($left, $right) { "$left/$right" }
Pair 1 2; Pair -right 2 -left 1; $s = @(1, 2); Pair @s
