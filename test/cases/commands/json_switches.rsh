# ConvertTo-Json -AsArray, -EscapeHandling, -Depth's range (0..100) and the truncation warning; ConvertFrom-Json
# -AsHashtable (an ordered table, PowerShell 7.3+) and -NoEnumerate (microsoft.powershell.utility/convertto-json,
# convertfrom-json);
# Start-Sleep -Duration, -Milliseconds (alias -ms) and -Seconds (alias -s) (microsoft.powershell.utility/start-sleep).
1 | ConvertTo-Json -AsArray -Compress
ConvertTo-Json -InputObject 'x' -AsArray
@{ a = @{ b = @{ c = @{ d = 1 } } } } | ConvertTo-Json -Compress
@{ a = @{ b = 1 } } | ConvertTo-Json -Depth 0 -Compress
1 | ConvertTo-Json -Depth 101
# -EscapeHandling: EscapeNonAscii writes \uXXXX past ASCII; EscapeHtml escapes < > & ' and the double quote.
@{ k = 'é<a href="x">&''</a>' } | ConvertTo-Json -Compress
@{ k = 'é<a href="x">&''</a>' } | ConvertTo-Json -Compress -EscapeHandling EscapeNonAscii
@{ k = 'é<a href="x">&''</a>' } | ConvertTo-Json -Compress -EscapeHandling EscapeHtml
'a\"b' | ConvertTo-Json -EscapeHandling EscapeHtml
$h = '{"z":1,"a":{"b":[1,2]}}' | ConvertFrom-Json -AsHashtable
$h.Keys -join ','
$h['a']['b'][1]
$h.a.GetType().Name -eq $h.GetType().Name
('[1,2,3]' | ConvertFrom-Json -NoEnumerate | Measure-Object).Count
('[1,2,3]' | ConvertFrom-Json | Measure-Object).Count
Start-Sleep -Duration (New-TimeSpan -Milliseconds 5)
Start-Sleep -Duration '00:00:00.005'
Start-Sleep -ms 5
Start-Sleep -s 0.005
'slept'
Start-Sleep -Duration 'soon'
