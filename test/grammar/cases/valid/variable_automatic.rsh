$?; $$; $^; $true; $null
