[string].Name
