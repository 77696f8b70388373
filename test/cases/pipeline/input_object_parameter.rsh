# -InputObject without pipeline input is one object, a collection not enumerated (the cmdlet references of
# ForEach-Object, Where-Object, Select-Object, Sort-Object and Measure-Object: "the InputObject value is treated as a
# single object"): its $_ is the whole array, Measure-Object counts one, Sort-Object writes the array back unsorted.
ForEach-Object -InputObject (1, 2) { $_.Count }
(Measure-Object -InputObject 1, 2, 3).Count
Where-Object -InputObject 5 { $_ -gt 1 }
(Sort-Object -InputObject 3, 1, 2) -join ' '
(Sort-Object -InputObject 3, 1, 2 | Measure-Object).Count
Select-Object -InputObject 7
ForEach-Object -InputObject 'abc' -MemberName Length
