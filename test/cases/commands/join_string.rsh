# Join-String (microsoft.powershell.utility/join-string, JoinStringCommand): joined with $OFS by default (unset:
# nothing between), -Separator (position 1), -OutputPrefix/-OutputSuffix, -SingleQuote/-DoubleQuote, -FormatString,
# a property name or a script block (position 0, its first result); -InputObject's elements; $null skipped.
1..3 | Join-String
1..3 | Join-String -Separator ', ' -OutputPrefix '[' -OutputSuffix ']'
'a', 'b' | Join-String -SingleQuote -Separator ','
'a', 'b' | Join-String -DoubleQuote -Separator ' '
[pscustomobject]@{ N = 1 }, [pscustomobject]@{ N = 2 } | Join-String N '+'
1, 2 | Join-String { $_ * 3 } ','
1.5, 2 | Join-String -FormatString '{0:N2}' -Separator ' '
'a', 'b' | Join-String -UseCulture
$OFS = '/'; 'a', 'b' | Join-String; $OFS = $null
Join-String -InputObject 1, $null, 3 -Separator '-'
1, 2 | Join-String { $_; 'second' } ','
$null | Join-String -OutputPrefix '(' -OutputSuffix ')'
Join-String -InputObject 'x' -OutputPrefix '<' -OutputSuffix '>'
