# System.Text.StringBuilder (Append, Append(char, count), AppendLine, AppendFormat, Insert, Replace, ToString, Length;
# chained calls return the builder) and casts to ArrayList / List[T] (about_Arrays: a new list of the elements).
$sb = [System.Text.StringBuilder]::new()
[void]$sb.Append('a'); [void]$sb.AppendLine('b')
$null = $sb.Append('x', 3).AppendFormat('{0}-{1}', 1, 2)
$sb.ToString()
$sb.Length
"[$sb]"
$sb2 = New-Object System.Text.StringBuilder 'init'
$sb2.Insert(0, '>').Replace('i', 'I').ToString()
$sb2.GetType().FullName
$arr = [System.Collections.ArrayList]@()
$null = $arr.Add(5); $arr.Add(6)
$arr.Count
$l = [System.Collections.Generic.List[string]]@('a', 'b')
$l.Add('c'); $l -join ','
$l.GetType().Name
([System.Collections.ArrayList]$null).Count
