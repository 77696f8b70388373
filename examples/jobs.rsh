# Background jobs: Start-Job runs script blocks side by side; Wait-Job waits for them, Receive-Job collects their output.
$unit = 'ms'
$jobs = foreach ($n in 1..3) {
  # Each job runs in a session of its own: -ArgumentList passes arguments, $using: copies a local variable in.
  Start-Job -Name "square-$n" -ArgumentList $n {
    param($x)
    Start-Sleep -Milliseconds (100 * $x)
    "square-$x slept $(100 * $x) $using:unit"
    $x * $x
  }
}
"Started: $($jobs.Name -join ', ')"

# Wait-Job returns each job once it has finished.
$done = $jobs | Wait-Job
$done | ForEach-Object { "$($_.Name): $($_.State)" }

# Receive-Job returns what the jobs wrote, in job order.
$jobs | Receive-Job

# Output received once is gone; -Keep leaves it for the next Receive-Job.
$later = Start-Job { 'kept' }
Wait-Job $later | Out-Null
Receive-Job $later -Keep
Receive-Job $later
"Left after receiving: $(@(Receive-Job $later).Count)"

# An error inside a job does not stop this script: the job ends Failed and its error comes back with Receive-Job.
$broken = Start-Job -Name backup { throw 'disk full' }
Wait-Job $broken | Out-Null
"$($broken.Name) is $($broken.State)"
try { Receive-Job $broken -ErrorAction Stop } catch { "received error: $($_.Exception.Message)" }

# `&` at the end of a pipeline starts it as a job too.
$bg = 1..5 | ForEach-Object { $_ * 10 } &
Receive-Job $bg -Wait

# Get-Job lists this session's jobs; Remove-Job cleans them up.
"Jobs: $(@(Get-Job).Count)"
Get-Job | Remove-Job
"Jobs after Remove-Job: $(@(Get-Job).Count)"
