$p = @{ Path = 'a' }
Get-Item @p
