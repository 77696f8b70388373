# ConvertFrom-Json -Depth and -DateKind, ConvertTo-Json -EnumsAsStrings (microsoft.powershell.utility/convertfrom-json,
# convertto-json): JSON nested deeper than -Depth fails with Json.NET's MaxDepth error (the path and position of the
# first container too deep); ISO 8601 date strings become DateTimes (as written without a zone, the UTC time for Z,
# the local time for an offset), -DateKind Local/Utc convert them and -DateKind String keeps the text; a date
# without a time stays a string. ConvertTo-Json writes a date as Json.NET writes a DateTime that is not UTC: its
# fields without an offset, trailing zero decimals left out; so a date goes to JSON and back unchanged.
'{"a":{"b":{"c":1}}}' | ConvertFrom-Json -Depth 2
'[[[1]]]' | ConvertFrom-Json -Depth 2
"{`"x`": 1,`n `"list`": [ {`"y`": [ {`"z`": 1} ] } ] }" | ConvertFrom-Json -Depth 3
('{"a":{"b":{"c":1}}}' | ConvertFrom-Json -Depth 3).a.b.c
$o = '{"d":"2026-01-02T03:04:05","z":"2026-01-02T03:04:05Z","s":"2026-01-02","o":"2026-01-02T03:04:05.5+02:00"}' | ConvertFrom-Json
$o.d.GetType().Name
$o.d.ToString('yyyy-MM-dd HH:mm:ss')
$o.z.ToString('yyyy-MM-dd HH:mm:ss')
$o.s.GetType().Name
$o.o.ToUniversalTime().ToString('yyyy-MM-dd HH:mm:ss.fff')
('{"d":"2026-01-02T03:04:05Z"}' | ConvertFrom-Json -DateKind String).d
('{"d":"2026-01-02T03:04:05Z"}' | ConvertFrom-Json -DateKind Local).d -eq [datetime]'2026-01-02T03:04:05Z'
('{"d":"2026-01-02T03:04:05+02:00"}' | ConvertFrom-Json -DateKind Utc).d.ToString('HH:mm')
('{"d":"2026-01-02T03:04:05"}' | ConvertFrom-Json -DateKind Utc).d.ToString('HH:mm')
(Get-Date -Date '2026-03-04T12:00:00').DayOfWeek | ConvertTo-Json -EnumsAsStrings
[datetime]'2026-01-02T03:04:05' | ConvertTo-Json
Get-Date -Date '2026-03-04T17:06:07.089' | ConvertTo-Json
(@{ d = [datetime]'2026-01-02T03:04:05' } | ConvertTo-Json | ConvertFrom-Json).d.ToString('yyyy-MM-dd HH:mm:ss')
