'abc'.Length
