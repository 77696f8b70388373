[string[]]@(1, 2)
