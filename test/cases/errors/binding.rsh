function f([int]$n) { $n }
# A simple function passes an unknown -x on in $args (1 still binds to $n); an advanced one refuses it.
try { f -x 1 } catch { $_.Exception.Message }
function g { [CmdletBinding()] param([int]$n) $n }
try { g -x 1 } catch { $_.Exception.Message }
try { f 'abc' } catch { 'conversion failed' }
