& { param($a) $a } 5
