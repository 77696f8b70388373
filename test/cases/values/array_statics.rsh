# System.Array's static methods as scripts call them: Sort and Reverse change the array in place (numbers by value,
# text by the culture's order), IndexOf and LastIndexOf find a value by .NET's Equals (1 is not '1').
$arr = @(3, 1, 2, 10); [array]::Sort($arr); $arr -join ','
[array]::Reverse($arr); $arr -join ','
[array]::IndexOf($arr, 2)
[array]::IndexOf($arr, '2')
$words = 'b', 'a', 'B'; [array]::Sort($words); $words -join ','
[array]::LastIndexOf(@(1, 2, 1), 1)
try { [array]::Sort($null) } catch { $_.Exception.Message }
