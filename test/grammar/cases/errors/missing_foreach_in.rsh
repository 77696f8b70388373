foreach ($x 1..3) { }
