# Compare-Object (learn.microsoft.com/powershell/module/microsoft.powershell.utility/compare-object): Example 1's
# order (difference-only objects first, then reference-only), -IncludeEqual's == (Example 2), -ExcludeDifferent,
# -CaseSensitive, -Property, -PassThru's SideIndicator note, pipeline input as the difference set, $null refused.
$ref = 'dog', 'squirrel', 'bird'
$dif = 'cat', 'bird', 'racoon'
Compare-Object $ref $dif | Format-Table
Compare-Object -ReferenceObject $ref -DifferenceObject $dif -IncludeEqual | Format-Table
Compare-Object $ref $dif -ExcludeDifferent | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
# Comparisons ignore case unless -CaseSensitive.
(Compare-Object 'a', 'B' 'A', 'b').Count
Compare-Object 'a', 'B' 'A', 'b' -CaseSensitive | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
# -PassThru writes the objects themselves, each with a SideIndicator.
$r = Compare-Object 1, 2 2, 3 -PassThru
$r
$r | ForEach-Object { $_.SideIndicator }
$p1 = [pscustomobject]@{ Name = 'a'; N = 1 }, [pscustomobject]@{ Name = 'b'; N = 2 }
$p2 = [pscustomobject]@{ Name = 'a'; N = 5 }, [pscustomobject]@{ Name = 'c'; N = 2 }
Compare-Object $p1 $p2 -Property Name | Format-Table
Compare-Object $p1 $p2 -Property Name, N -IncludeEqual | Format-Table
# A calculated property's column is named after its expression's text.
Compare-Object $p1 $p2 -Property @{ Expression = { $_.N * 10 } } | Format-Table
Compare-Object $p1 $p2 -Property { $_.Name.ToUpper() } | ForEach-Object { $_.' $_.Name.ToUpper() ' }
'x', 'y' | Compare-Object -ReferenceObject 'y', 'z' | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
Compare-Object @() 1 | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
# A $null set is a terminating error.
try { Compare-Object $null 1 } catch { $_.Exception.Message }
# The walk (CompareObjectCommand.Process): a reference object equal to the difference object beside it matches at
# once; otherwise each is looked for among the other side's unmatched objects; -SyncWindow bounds how far back.
Compare-Object 1, 2, 3, 4 2, 1, 4, 3 -IncludeEqual | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
(Compare-Object 1, 2, 3, 4 3, 4, 1, 2).Count
Compare-Object 1, 2, 3, 4 3, 4, 1, 2 -SyncWindow 1 | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
Compare-Object 1, 2 2, 1 -SyncWindow 0 | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
(Compare-Object 1 1 -ExcludeDifferent -IncludeEqual:$false | Measure-Object).Count
