'abc' -creplace 'B', 'x' -ireplace 'A', 'y'
