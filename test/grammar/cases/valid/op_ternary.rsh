$x -gt 5 ? 'big' : 'small'
