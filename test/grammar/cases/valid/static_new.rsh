[System.Text.StringBuilder]::new()
