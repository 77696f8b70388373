switch -wildcard ($s) { 'a*' { 1 } }
