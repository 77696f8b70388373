try { throw 'bad' } catch { "caught $_" } finally { 'finally' }
try { 1 / 0 } catch [System.DivideByZeroException] { 'divide' }
try { Get-Nope } catch { 'not found' }
