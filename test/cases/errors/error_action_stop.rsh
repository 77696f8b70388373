try { Write-Error 'stop me' -ErrorAction Stop } catch { "caught: $($_.Exception.Message)" }
$ErrorActionPreference = 'Stop'
try { Write-Error 'again' } catch { 'caught again' }
