$s.Substring(
  1,
  2
)
