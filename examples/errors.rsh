# Terminating and non-terminating errors, as in PowerShell.
function Divide([int]$a, [int]$b) {
  if ($b -eq 0) { throw "cannot divide $a by zero" }
  $a / $b
}
try {
  Divide 10 4
  Divide 1 0
} catch {
  "caught: $($_.Exception.Message)"
} finally {
  'done'
}
Write-Error 'this one is reported but the script goes on' -ErrorAction SilentlyContinue
'still running'
