switch ($x) {
  1 { 'one' }
  'two' { 2 }
  default { 'other' }
}
