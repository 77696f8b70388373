foreach ($v in '', 0, $null, 'False', 1, 'x') { [bool]$v }
[bool]@()
[bool]@(0)
