function f { param($x }
