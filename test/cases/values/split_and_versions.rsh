# String.Split's overloads (System.String.Split: a char set, a count, StringSplitOptions RemoveEmptyEntries/TrimEntries,
# a separator string with options), $PSVersionTable.PSVersion's Major/Minor/Patch (a SemanticVersion in pwsh), and an
# ErrorRecord's CategoryInfo parts (System.Management.Automation.ErrorCategoryInfo).
"a b  c".Split(" ", [System.StringSplitOptions]::RemoveEmptyEntries).Count
"a,b,c,d".Split(",", 2) -join "|"
"a, b ,,c".Split(",", [System.StringSplitOptions]::TrimEntries) -join "|"
"a--b--c".Split("--", [System.StringSplitOptions]::None) -join "|"
"a,b;c".Split(",;") -join "|"
$PSVersionTable.PSVersion.Major -ge 7
"$($PSVersionTable.PSVersion.Major).$($PSVersionTable.PSVersion.Minor)"
try { Get-Item /no/such/path -ErrorAction Stop } catch { $_.CategoryInfo.Category; $_.CategoryInfo.Reason; "$($_.CategoryInfo)" }
