$s.Replace('a', 'b')
