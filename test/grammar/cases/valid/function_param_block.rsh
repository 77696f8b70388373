function f {
  param([int]$Count = 1, [switch]$Force)
  $Count
}
