function p($a, $b) { "$a-$b" }
$h = @{ b = 2; a = 1 }
p @h
$arr = 'x', 'y'
p @arr
