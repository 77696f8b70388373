function f {
  1
