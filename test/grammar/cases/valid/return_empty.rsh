function f { return }
