function f { param([ValidateSet('a', 'b')]$Mode, [ValidateRange(1, 10)][int]$N) }
