$s.Trim().ToUpper().Length
