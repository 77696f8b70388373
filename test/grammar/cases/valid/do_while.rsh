do { $i++ } while ($i -lt 3)
