"$env:HOME and $global:x"
