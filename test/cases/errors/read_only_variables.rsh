# about_Variables / Set-Variable -Option: a ReadOnly or Constant variable refuses a plain assignment ($x = …, $x++,
# a loop's write) with VariableNotWritable; a child scope's assignment makes its own variable; the variable commands
# change a ReadOnly one with -Force, and -Option None -Force makes it writable again.
Set-Variable -Name limit -Value 10 -Option ReadOnly
try { $limit = 20 } catch { "error: $($_.Exception.Message) [$($_.FullyQualifiedErrorId)]" }
$limit
try { $limit++ } catch { 'increment refused' }
function f { $limit = 5; "in f: $limit" }; f; "outside: $limit"
Set-Variable -Name limit -Value 30 -Force; $limit
New-Variable -Name pi2 -Value 6.28 -Option Constant
try { $pi2 = 1 } catch { 'constant refused' }
Set-Variable -Name limit -Option None -Force; $limit = 40; $limit
Remove-Variable limit -Force; $limit = 'gone and back'; $limit
[int]$n = 1; Set-Variable n -Option ReadOnly; try { $n = 2 } catch { 'typed read-only refused' }; Set-Variable n -Option None -Force; $n = '3'; $n.GetType().Name
for ($i = 0; $i -lt 3; $i++) { $r = $i }; Set-Variable r -Option ReadOnly; try { for ($i = 0; $i -lt 2; $i++) { $r = $i } } catch { 'loop write refused' }
Clear-Variable r -Force; "cleared: [$r]"
