switch (3) { 1 { 'one' } 3 { 'three' } default { 'other' } }
switch ('apple') { 'APPLE' { 'case-insensitive' } }
switch -wildcard ('report.txt') { '*.txt' { 'text' } }
switch -regex ('abc123') { '^\d' { 'digit' } '\d+$' { 'ends with digits' } }
switch (1, 5) { { $_ -gt 3 } { "big $_" } default { "small $_" } }
switch ('x') { 'y' { 1 } default { 'fallback' } }
