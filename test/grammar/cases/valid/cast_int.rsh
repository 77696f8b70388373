[int]'5'
