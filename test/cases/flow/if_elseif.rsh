$x = 5
if ($x -gt 10) { 'big' } elseif ($x -gt 3) { 'medium' } else { 'small' }
