1..10 | Where-Object { $_ % 2 -eq 0 } | ForEach-Object { $_ * 10 }
3, 1, 2 | Sort-Object
3, 1, 2 | Sort-Object -Descending
1..5 | Select-Object -First 2
1..5 | Select-Object -Last 2
(1..4 | Measure-Object -Sum).Sum
