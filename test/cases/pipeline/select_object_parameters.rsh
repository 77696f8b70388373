# Select-Object (microsoft.powershell.utility/select-object, SelectObjectCommand): -SkipLast holds back the last n
# (with -Skip too); -SkipIndex drops positions; -Unique compares case-sensitively unless -CaseInsensitive (7.4,
# example 6); -Index stops the upstream after the last index and -Wait keeps it running (example 9); -ExpandProperty
# writes each element of a collection, with -Property's values added as notes (example 10), and a missing property
# is an error that does not end the statement; -SkipLast with -First or -Index is an AmbiguousParameterSet error.
(1..5 | Select-Object -SkipLast 2) -join ' '
(1..5 | Select-Object -Skip 1 -SkipLast 2) -join ' '
(1..6 | Select-Object -SkipIndex 1, 3) -join ' '
("aa", "Aa", "Bb", "bb" | Select-Object -Unique -CaseInsensitive) -join ' '
("aa", "Aa", "aa" | Select-Object -Unique) -join ' '
$n = 0; (1..10 | ForEach-Object { $script:n++; $_ } | Select-Object -Index 1, 2) -join ' '; $n
$n = 0; (1..10 | ForEach-Object { $script:n++; $_ } | Select-Object -First 2 -Wait) -join ' '; $n
$n = 0; (1..10 | ForEach-Object { $script:n++; $_ } | Select-Object -Index 4 -Wait) -join ' '; $n
$object = [pscustomobject]@{ Name = "CustomObject"; Expand = @(1, 2, 3) }
$object | Select-Object -ExpandProperty Expand -Property Name | ForEach-Object { "$_ $($_.Name)" }
1 | Select-Object -ExpandProperty Nope; 'after'
1..3 | Select-Object -First 1 -SkipLast 1
