if ($x) { 1 } else
