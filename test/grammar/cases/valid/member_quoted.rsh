$x.'quoted name'
