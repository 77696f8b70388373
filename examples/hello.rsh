# A first script: parameters with defaults, a loop and string interpolation. Run: rsh examples/hello.rsh -Name Ada -Times 2
param([string]$Name = 'world', [int]$Times = 1)

foreach ($i in 1..$Times) {
  "Hello, $Name! ($i)"
}
