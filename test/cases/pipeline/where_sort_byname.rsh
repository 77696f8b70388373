# Where-Object's simplified syntax (Where-Object Property -Operator Value, or a property alone for its truth),
# Sort-Object over several keys, script blocks and @{ Expression; Descending } (Sort-Object docs), and
# ValueFromPipelineByPropertyName parameters bound from each object's property or an alias's (about_Functions_Advanced_Parameters).
$people = @(
  [pscustomobject]@{ Name = 'ann'; Age = 31; Active = $true },
  [pscustomobject]@{ Name = 'bob'; Age = 25; Active = $false },
  [pscustomobject]@{ Name = 'cy'; Age = 31; Active = $true }
)
$people | Where-Object Age -eq 31 | ForEach-Object Name
$people | Where-Object Active | ForEach-Object Name
$people | Where-Object Name -like 'b*' | ForEach-Object Name
'apple', 'fig', 'banana' | Where-Object Length -gt 3
$people | Sort-Object Age, Name | ForEach-Object Name
$people | Sort-Object @{ Expression = 'Age'; Descending = $true }, Name | ForEach-Object Name
'ccc', 'a', 'bb' | Sort-Object { $_.Length }
3, 1, 2, 3, 1 | Sort-Object -Unique
function Show {
  param([Parameter(ValueFromPipelineByPropertyName)][string]$Name, [Parameter(ValueFromPipelineByPropertyName)][Alias('Years')][int]$Age)
  process { "$Name is $Age" }
}
$people | Show
[pscustomobject]@{ Name = 'dee'; Years = 40 } | Show
