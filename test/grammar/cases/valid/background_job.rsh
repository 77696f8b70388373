Start-Process x &
