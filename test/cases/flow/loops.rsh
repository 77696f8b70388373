for ($i = 0; $i -lt 3; $i++) { $i }
$n = 0
while ($n -lt 2) { $n++; "w$n" }
do { 'once' } while ($false)
$k = 0
do { $k++ } until ($k -ge 3)
$k
