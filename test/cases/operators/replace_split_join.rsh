'a-b-c' -replace '-', '+'
('a,b,c' -split ',').Count
-split ' a  b ' -join '|'
1..3 -join ''
'John Smith' -replace '(\w+) (\w+)', '$2, $1'
