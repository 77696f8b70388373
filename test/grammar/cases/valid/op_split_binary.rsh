'a,b,c' -split ','
