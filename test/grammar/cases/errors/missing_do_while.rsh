do { 1 }
