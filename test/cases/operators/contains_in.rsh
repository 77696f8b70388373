1, 2, 3 -contains 2
4 -in 1, 2, 3
'A' -in 'a', 'b'
