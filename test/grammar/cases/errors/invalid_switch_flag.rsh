switch -bogus ($x) { }
