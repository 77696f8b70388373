# A persistent remote session: New-PSSession, state kept between Invoke-Command calls, Remove-PSSession.
# Run `rsh serve` first (port 5995; it writes the token this user's client logs in with), or pass -Port.
param([int]$Port = 5995)

$session = New-PSSession -ComputerName localhost -Port $Port -Name inventory
"Session '$($session.Name)' is $($session.State)"

# Each Invoke-Command runs in the same remote session, so what one call sets the next one sees.
Invoke-Command -Session $session { $stock = @{ apples = 3; pears = 0 } }
Invoke-Command -Session $session { $stock.apples += 2; $stock.pears = 7 }
Invoke-Command -Session $session { "apples: $($stock.apples), pears: $($stock.pears)" }

# Functions too: define once, call later.
Invoke-Command -Session $session { function Get-Stock([string]$Name) { $stock[$Name] } }
Invoke-Command -Session $session -ArgumentList 'apples' { param($fruit) "$fruit in stock: $(Get-Stock $fruit)" }

# $using: sends a local value along with the script block.
$extra = 10
Invoke-Command -Session $session { $stock.pears += $using:extra; $stock.pears }

# Objects come back deserialized: properties survive, and PSComputerName says where each came from.
$report = Invoke-Command -Session $session { [pscustomobject]@{ Fruit = 'apples'; Count = $stock.apples } }
"$($report.Fruit) = $($report.Count) (from $($report.PSComputerName))"

# A remote error comes back as an error record you can catch; the session stays usable.
try {
  Invoke-Command -Session $session { throw 'out of plums' } -ErrorAction Stop
} catch {
  "caught: $($_.Exception.Message)"
}
Invoke-Command -Session $session { "still there: $($stock.Count) kinds of fruit" }

Remove-PSSession $session
"Session is $($session.State)"
