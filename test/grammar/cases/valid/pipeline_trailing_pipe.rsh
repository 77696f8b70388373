1..3 |
  ForEach-Object { $_ }
