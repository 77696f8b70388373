switch ($s) { red { 1 } green-ish { 2 } }
