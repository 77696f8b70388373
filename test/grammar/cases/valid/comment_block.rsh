<# a block
comment #> 1
