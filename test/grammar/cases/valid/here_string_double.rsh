@"
line $x
line 2
"@
