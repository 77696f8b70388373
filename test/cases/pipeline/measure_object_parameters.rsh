# Measure-Object (microsoft.powershell.utility/measure-object, MeasureObjectCommand): -AllStats and
# -StandardDeviation (the sample deviation: 1..5 gives 1.58113883008419, the reference's example 8); -Line, -Word,
# -Character and -IgnoreWhiteSpace (example 7: lines, words and characters counted inside and across objects);
# -Property wildcards give one result per matched property (example 12), script blocks name the result by their
# text; an object without the property is left out (7.3+), and a property no object has gives no result (an error
# under strict mode 2); -Maximum/-Minimum of strings compare them; a non-numeric input leaves Sum out.
$m = 1..5 | Measure-Object -AllStats
$m.Count, $m.Average, $m.Sum, $m.Maximum, $m.Minimum, $m.StandardDeviation
(2, 4 | Measure-Object -StandardDeviation).StandardDeviation
$null -eq (1..3 | Measure-Object -Sum).StandardDeviation
("One`nTwo`nThree" | Measure-Object -Line).Lines
$t = "One, Two", "Three", "Four Five" | Measure-Object -Word -Line -Character
$t.Lines, $t.Words, $t.Characters
("a b`n", " c " | Measure-Object -Character -IgnoreWhiteSpace).Characters
("a`n" | Measure-Object -Line).Lines
$p = [pscustomobject]@{ A = 1; AB = 2; B = 9 }, [pscustomobject]@{ A = 3 } | Measure-Object A* -Sum
$p | ForEach-Object { "$($_.Property) $($_.Count) $($_.Sum)" }
(1..3 | Measure-Object { $_ * 2 } -Sum) | ForEach-Object { "[$($_.Property)] $($_.Sum)" }
$h = [pscustomobject]@{ N = 1 }, [pscustomobject]@{ X = 1 }, [pscustomobject]@{ N = 5 } | Measure-Object N -Maximum
"$($h.Count) $($h.Maximum)"
@(1, 2 | Measure-Object -Property Nope).Count
$s = 'b', 'c', 'a' | Measure-Object -Maximum -Minimum
"$($s.Maximum) $($s.Minimum)"
$x = 1, 'x', 3 | Measure-Object -Sum -Maximum
"$($x.Count) [$($x.Sum)] $($x.Maximum)"
1 | Measure-Object -Sum -Line
Set-StrictMode -Version 2
1 | Measure-Object -Property Nope
# -Maximum/-Minimum of dates compare them as dates (one type: PowerShell's comparison), not as text.
$d = [datetime]'2020-01-02', [datetime]'2019-12-31' | Measure-Object -Maximum -Minimum
"$($d.Maximum.Year) $($d.Minimum.Year)"
