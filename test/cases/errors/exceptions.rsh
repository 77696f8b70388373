# Exceptions as values (about_Throw, about_Try_Catch_Finally): [T]::new(message[, inner]) and New-Object make them; throw
# throws one; catch [T] takes it when its type is T or derives from T (ArgumentNullException is an ArgumentException,
# FileNotFoundException an IOException); rsh's own errors carry the exception pwsh reports (DivideByZeroException,
# CommandNotFoundException, ItemNotFoundException) and all are RuntimeExceptions; a thrown string is a RuntimeException.
try { throw [System.ArgumentException]::new('bad arg') } catch [System.ArgumentException] { "caught: $($_.Exception.Message) $($_.Exception.GetType().FullName)" }
try { throw [System.ArgumentNullException]::new('p') } catch [ArgumentException] { 'base type catches the derived' }
try { throw [System.IO.FileNotFoundException]::new('nf') } catch [System.IO.IOException] { "io: $($_.Exception.Message)" }
try { throw [System.InvalidOperationException]::new('inv') } catch [System.ArgumentException] { 'wrong' } catch [System.InvalidOperationException] { 'right' }
try { throw [InvalidOperationException]::new('x') } catch [System.Management.Automation.RuntimeException] { 'wrong' } catch { "generic: $($_.Exception.GetType().Name)" }
try { 1 / 0 } catch [System.DivideByZeroException] { "dbz: $($_.Exception.GetType().FullName)" }
try { Get-Nothing } catch [System.Management.Automation.CommandNotFoundException] { 'cnf' }
try { Get-Item /nope -ErrorAction Stop } catch [System.Management.Automation.ItemNotFoundException] { 'inf' }
try { Get-Item /nope -ErrorAction Stop } catch [System.Management.Automation.RuntimeException] { 'rt' }
$e = New-Object System.Exception 'plain'
$e.Message
$inner = [System.Exception]::new('outer', [System.FormatException]::new('inner'))
$inner.InnerException.Message
try { throw $inner } catch { "$($_.Exception.InnerException.GetType().Name) $_" }
try { throw 'text' } catch { $_.Exception.GetType().FullName }
