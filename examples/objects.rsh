# Object pipelines: group objects with Group-Object, then turn them into JSON and back (ConvertTo-Json, ConvertFrom-Json).
$orders = @(
  [pscustomobject]@{ Customer = 'Ada'; Item = 'Engine'; Price = 120 }
  [pscustomobject]@{ Customer = 'Grace'; Item = 'Compiler'; Price = 80 }
  [pscustomobject]@{ Customer = 'Ada'; Item = 'Cards'; Price = 15 }
  [pscustomobject]@{ Customer = 'Alan'; Item = 'Tape'; Price = 30 }
  [pscustomobject]@{ Customer = 'Grace'; Item = 'Manual'; Price = 25 }
  [pscustomobject]@{ Customer = 'Alan'; Item = 'Bombe'; Price = 300 }
  [pscustomobject]@{ Customer = 'Ada'; Item = 'Notes'; Price = 5 }
)

# One group per customer: its Name (the key), Count and the objects themselves in Group.
$orders | Group-Object Customer

# A summary object per group, biggest spender first.
$summary = $orders | Group-Object Customer | ForEach-Object {
  [pscustomobject]@{
    Customer = $_.Name
    Orders   = $_.Count
    Total    = ($_.Group | Measure-Object -Property Price -Sum).Sum
    Items    = $_.Group.Item
  }
} | Sort-Object Total -Descending
$summary | Format-Table Customer, Orders, Total

# To JSON text ...
$json = $summary | ConvertTo-Json
$json

# ... and back to objects, whose properties work like any others.
$back = $json | ConvertFrom-Json
"{0} customers; the biggest spender is {1} with {2}" -f $back.Count, $back[0].Customer, $back[0].Total
$back | Where-Object { $_.Items -contains 'Tape' } | ForEach-Object { "$($_.Customer) bought the tape" }

# JSON from elsewhere: nested objects and arrays become nested objects and arrays.
$config = '{ "name": "rsh", "ports": [5995, 5996], "tls": { "enabled": false } }' | ConvertFrom-Json
"{0} listens on {1} port(s); TLS enabled: {2}" -f $config.name, $config.ports.Count, $config.tls.enabled
$config | ConvertTo-Json -Compress
