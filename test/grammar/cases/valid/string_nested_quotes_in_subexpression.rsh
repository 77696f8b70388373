"a $("b $c") d"
