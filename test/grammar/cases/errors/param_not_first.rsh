1
param($x)
