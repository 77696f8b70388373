try {
  1
}
catch {
  2
}
finally {
  3
}
