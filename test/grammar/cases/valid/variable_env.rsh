$env:PATH
