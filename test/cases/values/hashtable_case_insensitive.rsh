$h = @{ Name = 'x' }
$h.name
$h['NAME']
$h.Count
$h.Age = 3
$h.Keys -join ','
