# about_Switch, -File: the switch runs over the lines of a file (relative to the session's location); here the path
# is in parentheses, which rsh's grammar requires (pwsh also takes it bare).
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "rsh-switch-file-$(New-Guid)"
New-Item -ItemType Directory -Path $dir -Force | Out-Null
Set-Content -Path (Join-Path $dir 'lines.txt') -Value 'alpha', '# comment', 'beta'
Set-Location $dir
switch -Regex -File ('lines.txt') { '^#' { "comment: $_" } default { "line: $_" } }
try { switch -File ('no-such-file.txt') { default { $_ } } } catch { $_.FullyQualifiedErrorId }
'after'
Set-Location /
Remove-Item -Recurse -Force $dir
