switch -exact ($s) { a { 1 } }
