filter Double { $_ * 2 }
