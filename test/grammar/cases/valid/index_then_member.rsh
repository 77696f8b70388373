$a[0].Name
