# System.Diagnostics.Stopwatch as scripts time themselves: StartNew, Stop, Restart, Reset, IsRunning, Elapsed (a
# TimeSpan), ElapsedMilliseconds.
$sw = [System.Diagnostics.Stopwatch]::StartNew(); Start-Sleep -Milliseconds 50; $sw.Stop()
$sw.ElapsedMilliseconds -ge 50; $sw.IsRunning
$e = $sw.Elapsed.TotalMilliseconds; Start-Sleep -Milliseconds 20; $sw.Elapsed.TotalMilliseconds -eq $e
$sw.Restart(); $sw.IsRunning
$sw.Reset(); $sw.IsRunning; $sw.ElapsedMilliseconds
$idle = [Diagnostics.Stopwatch]::new(); $idle.IsRunning; $idle.Elapsed.TotalSeconds; $idle.GetType().FullName
