# Group-Object -AsHashTable (cmdlet reference): one entry per group, keyed by the grouping value; with -CaseSensitive
# the table's keys are case-sensitive too, so 'a' and 'A' stay two groups.
$h = 'a', 'A', 'a' | Group-Object -AsHashTable -CaseSensitive
$h.Count; $h['a'].Count; $h['A'].Count
$g = 'a', 'A' | Group-Object -AsHashTable
$g.Count; $g['A'].Count
$byLength = 'one', 'three', 'two' | Group-Object -Property Length -AsHashTable -AsString
$byLength['3'] -join ','
