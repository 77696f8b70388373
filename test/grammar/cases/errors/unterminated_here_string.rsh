@"
abc
