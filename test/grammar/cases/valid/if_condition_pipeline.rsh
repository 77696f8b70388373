if (Test-Path a) { 'yes' }
