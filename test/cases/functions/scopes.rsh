$x = 'global'
function f { $x = 'local'; $x }
f
$x
function g { $global:y = 'set' }
g
$y
