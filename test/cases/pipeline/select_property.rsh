$people = [pscustomobject]@{ Name = 'a'; Age = 3 }, [pscustomobject]@{ Name = 'b'; Age = 1 }
$people | Sort-Object Age | Select-Object -ExpandProperty Name
$people.Name -join ','
