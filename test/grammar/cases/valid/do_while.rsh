do { $i++ } while ($i -lt 3)
'next statement'
