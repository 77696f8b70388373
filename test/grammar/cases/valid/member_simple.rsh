$x.Name
