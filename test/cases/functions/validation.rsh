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
# [ValidateScript()] runs for each bound value as $_ and must answer true; what it throws is the reason. A mandatory
# parameter refuses $null, '' and @() unless [AllowNull()], [AllowEmptyString()] or [AllowEmptyCollection()].
function Test-More { param([ValidateScript({ $_ -gt 2 })][int]$N) "ok $N" }
Test-More 5; try { Test-More 1 } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
function Test-Each { param([ValidateScript({ if ($_ -like 'a*') { $true } else { throw 'must start with a' } })][string[]]$S) "ok $S" }
Test-Each ab, ac; try { Test-Each ab, bc } catch { $_.Exception.Message }
function Test-Required { param([Parameter(Mandatory)][string]$Name, [Parameter()][AllowEmptyString()]$Other) "[$Name]" }
try { Test-Required -Name '' } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
function Test-Allowed { param([Parameter(Mandatory)][AllowEmptyString()][string]$Name) "[$Name]" }
Test-Allowed -Name ''
function Test-List { param([Parameter(Mandatory)][string[]]$A) 'ok' }
try { Test-List -A @() } catch { $_.Exception.Message }
# [ValidateCount()]: how many values the parameter takes (ValidateCountMinLengthFailure/MaxLengthFailure).
function Test-Count { param([ValidateCount(1, 2)][string[]]$Context) "ok $($Context.Count)" }
Test-Count a, b; try { Test-Count a, b, c } catch { $_.Exception.Message }
