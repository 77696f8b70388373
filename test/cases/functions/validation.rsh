function v { param([ValidateSet('a','b')]$m) $m }
v a
try { v c } catch { 'caught: ' + $_.Exception.Message.Substring(0, 40) }
