# Select-String -Culture (microsoft.powershell.utility/select-string): with -SimpleMatch the text is sought by that
# culture's rules — a composed é equals e + U+0301, and case is ignored unless -CaseSensitive — while Ordinal (rsh's
# default) compares code units; Invariant and Current are accepted names.
"Cafe`u{301} au lait", 'cafe', 'CAFÉ' | Select-String -SimpleMatch 'café' -Culture fr-FR | ForEach-Object Line
"Cafe`u{301} au lait", 'CAFÉ' | Select-String -SimpleMatch 'café' -Culture Ordinal | ForEach-Object Line
'CAFÉ', 'café' | Select-String -SimpleMatch 'café' -Culture Invariant -CaseSensitive | ForEach-Object Line
'HELLO' | Select-String -SimpleMatch 'hello' -Culture Current | ForEach-Object Line
