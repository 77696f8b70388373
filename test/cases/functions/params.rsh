function Add([int]$a, [int]$b = 10) { $a + $b }
Add 1 2
Add 5
Add -b 1 -a 2
function Show { param([string]$Name, [switch]$Loud) if ($Loud) { $Name.ToUpper() } else { $Name } }
Show -Name x
Show x -Loud
