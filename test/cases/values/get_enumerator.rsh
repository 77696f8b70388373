# GetEnumerator (System.Collections.Hashtable.GetEnumerator, about_Hash_Tables: sorting a hashtable's entries): a hashtable's
# gives DictionaryEntry objects (Name/Key and Value) that Sort-Object, Select-Object and foreach take; an array's and a
# string's enumerate their elements and characters.
$h = @{ b = 2; a = 1 }
$h.GetEnumerator() | Sort-Object Name | ForEach-Object { "$($_.Key)=$($_.Value)" }
$h.GetEnumerator() | Sort-Object Value -Descending | Select-Object -First 1 | ForEach-Object Name
foreach ($kv in $h.GetEnumerator()) { $kv.Name }
$h.Keys | Sort-Object
$h.ContainsKey('a'); $h.ContainsValue(2)
$h.Clone().Count
(1..3).GetEnumerator() | ForEach-Object { $_ }
$h.GetEnumerator() | Sort-Object Name
'ab'.GetEnumerator() | ForEach-Object { "[$_]" }
$e = @{ x = 1 }.GetEnumerator() | Select-Object -First 1; $e.Key; $e.Name; $e.Value
