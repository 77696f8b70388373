$sb = { param($x) $x * 2 }
