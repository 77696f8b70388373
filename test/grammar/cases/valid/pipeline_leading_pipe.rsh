1..3
| ForEach-Object { $_ }
| Where-Object { $_ -gt 1 }
