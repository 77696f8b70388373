# Start a command in a disconnected session, let it run on the server, and collect its output later with Receive-PSSession.
# Run `rsh serve` first (port 5995), or pass the port of yours: rsh examples/disconnected.rsh -Port 5995
param([int]$Port = 5995)

# -InDisconnectedSession starts the command in a new session and returns at once, leaving the session disconnected.
# The command runs on; its output is kept on the server.
$started = Invoke-Command -ComputerName localhost -Port $Port -InDisconnectedSession -SessionName nightly {
  foreach ($step in 'backup', 'compress', 'verify') {
    Start-Sleep -Milliseconds 150
    [pscustomobject]@{ Step = $step; Ok = $true }
  }
  'nightly job done'
}
"Started '$($started.Name)': $($started.State)"

# Meanwhile this client is free: it could do other work, or exit. Any later process of the same user (on this
# machine or another) finds the session by computer and name ...
$found = Get-PSSession -ComputerName localhost -Port $Port -Name nightly
"Found '$($found.Name)': $($found.State)"

# ... and Receive-PSSession reconnects and returns everything the command wrote, waiting for the rest if it still runs.
$output = Receive-PSSession -ComputerName localhost -Port $Port -Name nightly
$output | Where-Object { $_.Step } | Format-Table Step, Ok
$output[-1]

# Receiving connected the session again; it keeps its state until it is removed.
$session = Get-PSSession -ComputerName localhost -Port $Port -Name nightly
"Now '$($session.Name)' is $($session.State)"
Invoke-Command -Session $session { "still has `$step = $step" }
Remove-PSSession $session
"Sessions named nightly left: $(@(Get-PSSession -ComputerName localhost -Port $Port -Name nightly).Count)"
