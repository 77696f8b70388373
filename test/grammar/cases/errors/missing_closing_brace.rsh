if ($true) {
  1
