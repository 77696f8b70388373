"$x.Name"
