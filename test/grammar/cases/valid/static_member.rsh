[int]::MaxValue
