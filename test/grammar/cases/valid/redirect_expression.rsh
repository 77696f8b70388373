'text' > $null
