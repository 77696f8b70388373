switch ($x) 1
