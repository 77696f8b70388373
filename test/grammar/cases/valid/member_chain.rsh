$x.A.B.C
