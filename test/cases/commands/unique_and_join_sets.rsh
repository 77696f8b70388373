# Get-Unique (microsoft.powershell.utility/get-unique): -AsString and -OnType are separate parameter sets, and
# Sort-Object -CaseSensitive puts lower case first, so example 5 keeps aa, Aa, bb, Bb and example 6 (-CaseInsensitive)
# aa, Bb. Join-String: -SingleQuote, -DoubleQuote and -FormatString are separate parameter sets.
("aa", "Aa", "Bb", "bb", "aa" | Sort-Object -CaseSensitive | Get-Unique) -join ' '
("aa", "Aa", "Bb", "bb", "aa" | Sort-Object | Get-Unique -CaseInsensitive) -join ' '
1, 1 | Get-Unique -AsString -OnType
'a' | Join-String -SingleQuote -DoubleQuote
'a' | Join-String -DoubleQuote -FormatString '{0}'
