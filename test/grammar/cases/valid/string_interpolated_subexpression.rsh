"sum: $(1 + 2) and $($x.Name)"
