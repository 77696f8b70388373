[string][int]'5'
