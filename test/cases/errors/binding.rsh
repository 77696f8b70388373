function f([int]$n) { $n }
# A simple function passes an unknown -x on in $args (1 still binds to $n); an advanced one refuses it.
try { f -x 1 } catch { $_.Exception.Message }
function g { [CmdletBinding()] param([int]$n) $n }
try { g -x 1 } catch { $_.Exception.Message }
try { f 'abc' } catch { 'conversion failed' }
# A binding error's id names the command: a function by its name, a cmdlet by its class (pwsh's FullyQualifiedErrorId).
try { f 'abc' } catch { $_.FullyQualifiedErrorId }
try { Get-Random -Minimum abc } catch { $_.FullyQualifiedErrorId }
try { g -x 1 } catch { $_.FullyQualifiedErrorId }
