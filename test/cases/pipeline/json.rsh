# ConvertTo-Json / ConvertFrom-Json round trip (PowerShell's layout: two-space indent, "key": value).
$o = [pscustomobject]@{ Name = 'ada'; Langs = @('ps', 'ts'); Nested = @{ ok = $true } }
$o | ConvertTo-Json
$o | ConvertTo-Json -Compress
$back = '{"a": 1, "b": [1, 2], "c": {"d": "x"}}' | ConvertFrom-Json
$back.a + 1
$back.b.Count
$back.c.d
