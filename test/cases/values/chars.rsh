# [char] is System.Char (about_Type_Conversion): a number in conversions and arithmetic, text in strings and in
# comparisons with text. 'abc'[0] and .ToCharArray() give chars; a char range's value is an array of chars, while the
# range enumerated in a pipeline gives strings (PowerShell's RangeOperator.Tests.ps1).
[int][char]'A'
[char]66
'abc'.ToCharArray() | ForEach-Object { [int]$_ }
'abc'[0].GetType().Name
'abc'[-1]
'abc'[0..1] -join '+'
[char]'a' + 1
'x' + [char]'y'
"in text: $([char]'z')"
[char[]]'hey' -join '-'
[char]'a' -eq 'A'
[char]'a' -ceq 'A'
[char]'a' -eq 97
('a'..'c')[1].GetType().Name
'a'..'c' | ForEach-Object { $_.GetType().Name }
([char]'x'..[char]'z') -join ''
[char]::IsDigit('5'); [char]::IsLetter([char]'x'); [char]::ToUpper('q'); [char]::IsUpper('aB', 1)
[char]'x' | ConvertTo-Json
@([char]'b', [char]'a') | Sort-Object
$h = @{}; $h[[char]'k'] = 1; $h[[char]'k']; "string key: [$($h['k'])]"
switch ([char]'m') { 'm' { 'switch matched m' } }
# System.Char has no instance ToUpper (only the static [char]::ToUpper).
([char]'a').ToUpper()
try { [char]'ab' } catch { $_.Exception.Message }
