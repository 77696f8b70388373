# rsh examples/hello.rsh -Name Ada
param([string]$Name = 'world', [int]$Times = 1)

foreach ($i in 1..$Times) {
  "Hello, $Name! ($i)"
}
