[pscustomobject]@{ Name = 'x' }
