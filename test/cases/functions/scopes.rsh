$x = 'global'
function f { $x = 'local'; $x }
f
$x
function g { $global:y = 'set' }
g
$y
# about_Scopes: a $private: variable is seen in its own scope only, not in the scopes below it.
function p { $private:hid = 1; $hid; function q { "q sees [$hid]" }; q }; p
$private:top = 5; & { "child [$top]" }; $top
