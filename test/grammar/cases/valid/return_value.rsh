function f { return 5 }
