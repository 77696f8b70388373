'a', 'bb' | ForEach-Object Length
