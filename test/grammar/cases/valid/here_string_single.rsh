@'
literal $x
'@
