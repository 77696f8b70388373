do {
  $i++
} until ($i -ge 3)
