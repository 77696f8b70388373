$a -gt 1 -and $a -lt 10 -and $a -ge 2 -and $a -le 9
