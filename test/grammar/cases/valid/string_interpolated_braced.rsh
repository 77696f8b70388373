"${a b} here"
