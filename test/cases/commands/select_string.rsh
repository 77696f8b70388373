# Select-String (microsoft.powershell.utility/select-string and PowerShell's Select-String.Tests.ps1) over piped
# text: a MatchInfo shows its line; -CaseSensitive (alias -ca), -NotMatch, -Quiet ($true, or nothing), -Raw,
# -SimpleMatch, -AllMatches, -List, -Context; the MatchInfo's properties; an invalid pattern.
$in = 'hello', 'Hello', 'goodbye'
$in | Select-String hello
$in | Select-String hello -ca
$in | Select-String goodbye -NotMatch
'hello', 'Hello' | Select-String -Quiet hello
$null -eq ('hello' | Select-String -Quiet nothing)
($in | Select-String l -Raw)[0].GetType().Name
$m = 'a1b22c333' | Select-String '\d+' -AllMatches
$m.Matches.Value -join ','
$m.Matches[1].Index
('a1b22' | Select-String '\d+').Matches.Count
# .NET numbers the unnamed groups first, then the named ones: Groups[1] is (\w+) after '=', Groups[2] is k.
$m = 'key=value' | Select-String '(?<k>\w+)=(\w+)'
$m.Matches[0].Groups | ForEach-Object { "$($_.Name)=$($_.Value)" }
$m.Line
$m.LineNumber
$m.Filename
$m.Path
$m.Pattern
$m.IgnoreCase
"$m"
('a.c', 'abc' | Select-String 'a.c' -SimpleMatch).Line
('a.c' | Select-String 'a.c' -SimpleMatch).Matches.Count
'x', 'y', 'z' | Select-String -Pattern 'q', 'y' | ForEach-Object { "$($_.Pattern) $($_.LineNumber)" }
# -List stops at a file's first match; piped strings are one match each, so it keeps them all (SelectStringCommand).
'one', 'two', 'three' | Select-String t -List
# A MatchInfo piped in is matched on its Line and passed on as it is (filter mode).
'alpha', 'beta', 'gamma' | Select-String a | Select-String '^[bg]' | ForEach-Object { "$($_.LineNumber) $_" }
$c = 1..9 | Select-String '^5$' -Context 2, 1
$c
$c.Context.PreContext -join ','
$c.Context.PostContext -join ','
Select-String -InputObject 'some stuff', 'other stuff' -Pattern other
'x' | Select-String '('
'x' | Select-String x -Raw -Quiet
