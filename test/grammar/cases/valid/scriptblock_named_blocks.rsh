$sb = { begin { 1 } process { 2 } end { 3 } }
