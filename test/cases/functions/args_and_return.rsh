function f { $args.Count; $args[0] }
f a b c
function g { return 'early'; 'never' }
g
function h { 1; 2 }
(h).Count
