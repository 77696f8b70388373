'abc' -eq 'ABC'
'abc' -ceq 'ABC'
5 -gt 3
'10' -lt 9
1, 2, 3, 2 -eq 2
(1..5 -gt 3) -join ','
