if ($x)
