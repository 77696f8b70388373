Select-Object -First:3
