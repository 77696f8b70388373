# Fan out one command to several servers at once: Invoke-Command -ComputerName a, b, c -ThrottleLimit.
# Start a few servers (`rsh serve --port 5995`, `--port 5996` …) and pass their ports: -Port 5995,5996
param([string]$Port = '5995')

$computers = @($Port -split ',' | ForEach-Object { "localhost:$_" })
"Fanning out to $($computers.Count) server(s)"

# Each server runs the script block in a temporary session (closed afterwards). Results come back as they are
# produced, each tagged with the PSComputerName it came from.
$work = {
  $started = Get-Date
  Start-Sleep -Milliseconds 200
  [pscustomobject]@{ SumOfSquares = (1..10 | ForEach-Object { $_ * $_ } | Measure-Object -Sum).Sum; Started = $started; Ended = Get-Date }
}
$results = Invoke-Command -ComputerName $computers -ThrottleLimit 2 $work
"$($results.Count) result(s); every sum is 385: $(@($results | Where-Object { $_.SumOfSquares -eq 385 }).Count -eq $results.Count)"
$results | Group-Object PSComputerName -NoElement

# -ThrottleLimit caps how many computers are worked on at once. The servers share this machine's clock, so the
# start and end times show how many ran side by side.
function Get-MostAtOnce($runs) {
  $most = 0
  foreach ($run in $runs) {
    $atOnce = @($runs | Where-Object { $_.Started -le $run.Started -and $_.Ended -gt $run.Started }).Count
    if ($atOnce -gt $most) { $most = $atOnce }
  }
  $most
}
"-ThrottleLimit 2: at most 2 at once: $((Get-MostAtOnce $results) -le 2)"
$oneByOne = Invoke-Command -ComputerName $computers -ThrottleLimit 1 $work
"-ThrottleLimit 1: one at a time: $((Get-MostAtOnce $oneByOne) -eq 1)"

# A computer that cannot be reached is an error for that computer alone; the others still answer.
$errorsBefore = $Error.Count
$answers = Invoke-Command -ComputerName (@('localhost:1') + $computers) { 'pong' } -ErrorAction SilentlyContinue
"$(@($answers).Count) answer(s), $($Error.Count - $errorsBefore) failure: $($Error[0].PSComputerName) ($($Error[0].FullyQualifiedErrorId))"
