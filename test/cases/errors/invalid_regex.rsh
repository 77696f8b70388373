try { 'a' -match '(' } catch { 'caught: ' + $_.Exception.Message.Substring(0, 28) }
try { [regex]'(' } catch { 'caught cast' }
'after'
