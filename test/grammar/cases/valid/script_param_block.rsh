param([string]$Name = 'world')
"Hello $Name"
