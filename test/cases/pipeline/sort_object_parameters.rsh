# Sort-Object (microsoft.powershell.utility/sort-object, SortObjectCommand): -Top n is the first n of the sorted
# order and -Bottom n its last n, still written in sorted order (Heapify's final Sort); -Unique applies first;
# -Stable keeps equal keys in input order; strings sort by the culture's rules (a, ä, z in en-US; ä after z in
# sv-SE) with -Culture naming another; a hashtable key may say Ascending; -Top with -Bottom or -Stable is an
# AmbiguousParameterSet error, and -Top 0 fails ValidateRange(1, int.MaxValue).
1..10 | Sort-Object -Top 3
1..10 | Sort-Object -Bottom 3
1..10 | Sort-Object -Top 2 -Descending
1..10 | Sort-Object -Bottom 2 -Descending
3, 1, 3, 2, 1 | Sort-Object -Unique -Bottom 2
$rows = 'b2', 'a1', 'b1', 'a2' | ForEach-Object { [pscustomobject]@{ K = $_[0]; N = $_ } }
($rows | Sort-Object K -Stable | ForEach-Object N) -join ' '
($rows | Sort-Object K -Top 3 | ForEach-Object N) -join ' '
('z', 'ä', 'a' | Sort-Object) -join ' '
('z', 'ä', 'a' | Sort-Object -Culture sv-SE) -join ' '
($rows | Sort-Object @{ Expression = 'K'; Ascending = $false }, N | ForEach-Object N) -join ' '
1, 2 | Sort-Object -Top 1 -Bottom 1
1, 2 | Sort-Object -Top 1 -Stable
1, 2 | Sort-Object -Top 0
