@{ outer = @{ inner = 1 } }
