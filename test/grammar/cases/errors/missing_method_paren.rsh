$x.Foo(1, 2
