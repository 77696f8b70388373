for $i { }
