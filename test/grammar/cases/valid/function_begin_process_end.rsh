function f {
  begin { $n = 0 }
  process { $n++ }
  end { $n }
}
