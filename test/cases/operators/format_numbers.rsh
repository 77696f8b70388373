# -f with .NET's standard and custom numeric format strings, in en-US (the culture rsh reports): C currency
# (negative as -$, .NET 5+), E scientific (sign and three exponent digits), and custom 0 # , . % placeholders.
'{0:C}|{1:C0}|{2:C}' -f 9.5, 1234.56, -3
'{0:E2}|{1:e}|{2:E}' -f 12345.678, 0.00012, 1
'{0:#,##0.00}|{1:0.0#}|{2:00}|{3:#.##}|{4:0.00%}|{5:#,#}' -f 1234567.891, 2.5, 7, 0.5, 0.1234, 1234567
'{0:00.00}|{1:0}' -f 3.14159, 2.5
(1234.5).ToString('#,##0.0'); (0.25).ToString('P0'); (42).ToString('D4')
