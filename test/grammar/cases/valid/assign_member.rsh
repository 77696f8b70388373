$h.Name = 'x'
