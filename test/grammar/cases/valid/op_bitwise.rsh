1 -band 3 -bor 4 -bxor 2
