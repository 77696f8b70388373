function f { param([int $x) }
