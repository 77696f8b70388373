# System.Collections.Generic.Dictionary: keys are case-sensitive with the default comparer and not with
# [StringComparer]::OrdinalIgnoreCase; Add refuses a key it has (.NET's message), TryGetValue answers through [ref].
$d = [System.Collections.Generic.Dictionary[string,int]]::new()
$d.Add('a', 1); $d['A'] = 2; $d.Count; $d['a']; $d.GetType().Name
$v = 0; $d.TryGetValue('A', [ref]$v); $v; $d.TryGetValue('zz', [ref]$v); $null -eq $v
$i = [System.Collections.Generic.Dictionary[string,string]]::new([StringComparer]::OrdinalIgnoreCase)
$i['Key'] = 'x'; $i['KEY']; $i.Count
try { $d.Add('a', 5) } catch { $_.Exception.Message }
foreach ($kv in $d.GetEnumerator()) { "$($kv.Key)=$($kv.Value)" }
$d.ContainsKey('a'); $d.ContainsKey('b'); $d.Keys -join ','
# A hashtable stays case-insensitive.
$h = @{ A = 1 }; $h['a']; "$h"
