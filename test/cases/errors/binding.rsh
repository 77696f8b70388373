function f([int]$n) { $n }
try { f -x 1 } catch { $_.Exception.Message }
try { f 'abc' } catch { 'conversion failed' }
