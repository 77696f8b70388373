$sb = { param($n) $n * 3 }
& $sb 4
$sb.Invoke(2)
$f = { "got $args" }
& $f a b
