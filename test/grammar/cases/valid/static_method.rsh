[math]::Round(2.5)
