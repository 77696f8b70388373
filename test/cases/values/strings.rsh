$n = 'world'
"hello $n"
'hello $n'
"sum $(1 + 2)"
"tab`tend"
"say ""hi"""
@"
here $n
"@
