switch -regex -casesensitive ($s) { '^a' { 1 } }
