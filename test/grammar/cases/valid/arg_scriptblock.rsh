Invoke-Command { 1 }
