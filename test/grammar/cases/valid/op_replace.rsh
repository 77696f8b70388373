'abc' -replace 'b', 'x'
