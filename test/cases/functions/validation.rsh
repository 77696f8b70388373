function v { param([ValidateSet('a','b')]$m) $m }
v a
try { v c } catch { 'caught: ' + $_.Exception.Message.Substring(0, 40) }
# [ValidatePattern()] matches each value in any case; [ValidateLength()] checks each value's length (pwsh's
# ValidatePatternFailure and ValidateLengthMinLengthFailure/MaxLengthFailure messages).
function Test-Code { param([ValidatePattern('^a\d$')][string]$Code, [ValidateLength(2, 4)][string[]]$Names) "ok $Code $($Names -join ',')" }
Test-Code -Code A1 -Names ab, abcd
try { Test-Code -Code b1 } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
try { Test-Code -Names a } catch { $_.Exception.Message }
try { Test-Code -Names abcdef } catch { $_.Exception.Message }
