while ($true) { break }
