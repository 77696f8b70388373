$x -is [int]; $x -isnot [string]; '5' -as [int]
