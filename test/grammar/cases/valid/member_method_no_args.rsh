$s.Trim()
