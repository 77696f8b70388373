<# abc
