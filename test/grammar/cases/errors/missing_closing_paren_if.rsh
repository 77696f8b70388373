if ($x { 1 }
