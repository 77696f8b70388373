function f
