$x -bogus 5
