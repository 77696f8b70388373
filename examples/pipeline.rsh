# Objects flow through a pipeline: filter, transform, sort, summarise.
$people = @(
  [pscustomobject]@{ Name = 'Ada'; Born = 1815 }
  [pscustomobject]@{ Name = 'Grace'; Born = 1906 }
  [pscustomobject]@{ Name = 'Alan'; Born = 1912 }
)
$people | Where-Object { $_.Born -gt 1900 } | Sort-Object Born -Descending | ForEach-Object { '{0} ({1})' -f $_.Name, $_.Born }
'Average year: {0:N1}' -f ($people | Measure-Object -Property Born -Average).Average
