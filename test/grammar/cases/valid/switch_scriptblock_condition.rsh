switch ($n) { { $_ -gt 5 } { 'big' } }
