$o = [pscustomobject]@{ Name = 'ada'; Age = 36 }
$o.name
$o.Age + 1
