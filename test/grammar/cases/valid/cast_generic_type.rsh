[System.Collections.Generic.List[int]]$x
