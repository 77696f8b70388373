$a -and $b -or $c -xor $d
