# The .NET members the interpreter issue lists, with .NET's results (System.Collections.Generic.List<T>,
# System.Collections.ArrayList, System.Text.Encoding, System.IO.Path on Unix, System.Convert, System.Text.RegularExpressions.Regex, System.Guid).
$l = [System.Collections.Generic.List[object]]::new(); $l.Add(1); $l.Add('two'); $l.Count; $l[1]; $l.GetType().Name
# A void method writes nothing; ArrayList.Add returns the new index.
$a = [System.Collections.ArrayList]::new(); $a.Add('x'); $a.Add('y') | Out-Null; $a.Count
$l.Insert(0, 'first'); $l.Remove('two'); $l -join ','; $l.RemoveAt(0); $l.Contains(1); $l.IndexOf(1); $l.ToArray().Count
$fromArray = [System.Collections.Generic.List[int]]::new([int[]](3, 1, 2)); $fromArray.Sort(); $fromArray -join ','
$n = New-Object System.Collections.Generic.List[string]; $n.Add('q'); $n.Count
# A PowerShell array is fixed-size.
@(1, 2).Add(3)
$h = @{ a = 1; b = 2 }; $h.Remove('a'); $h.Count
[Text.Encoding]::UTF8.GetBytes('hé').Count
[Text.Encoding]::UTF8.GetString([Text.Encoding]::UTF8.GetBytes('hé'))
[Text.Encoding]::ASCII.GetBytes('hé') -join ','
[System.IO.Path]::Combine('a', 'b', 'c.txt'); [System.IO.Path]::Combine('a', '/abs'); [System.IO.Path]::GetFileName('/x/y.txt')
[System.IO.Path]::GetExtension('y.tar.gz'); [System.IO.Path]::GetDirectoryName('/x/y.txt'); [System.IO.Path]::GetFileNameWithoutExtension('/x/y.txt')
[convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('hi')); [convert]::FromBase64String('aGk=') -join ','
[convert]::ToInt32('ff', 16); [convert]::ToInt32('2.5'); [convert]::ToInt32('3.5'); [convert]::ToString(255, 2)
[convert]::ToInt32('zz', 16)
$m = [regex]::Match('key=val', '(\w+)=(?<v>\w+)'); $m.Success; $m.Groups[1].Value; $m.Value; "$m"
[regex]::Match('abc', '\d').Success
[regex]::Matches('a1b22', '\d+') | ForEach-Object { $_.Value + '@' + $_.Index }
[regex]::IsMatch('ABC', 'abc'); [regex]::IsMatch('ABC', 'abc', 'IgnoreCase'); [regex]::Escape('a.b*c'); [regex]::Replace('a-b', '(\w)', '[$1]')
[regex]::Split('a1b2c', '\d') -join '|'
[guid]::NewGuid().ToString().Length; [guid]::Empty.Guid; [guid]::Parse('{12345678-1234-1234-1234-123456789ABC}')
[datetime]::Parse('2024-01-02T03:04:05').Year
$re = [regex]"a+"; $re.Matches("caab aa").Count; $re.IsMatch("A"); $re.Replace("xaay", "-"); $re.Match("baaa").Value; $re.Split("1a2aa3") -join ","; "{0:P0}|{1:P1}" -f 0.5, 0.123
