# -Culture (Group-Object, Compare-Object, Sort-Object: strings compared by that culture's rules, CultureInfo's
# CompareInfo in pwsh's ObjectCommandComparer). Swedish sorts ä after z; en-US (rsh's current culture) next to a.
# Comparison ignores case unless -CaseSensitive, but not accents.
('b', 'ä', 'a', 'B' | Group-Object -Culture sv-SE | ForEach-Object { "$($_.Name):$($_.Count)" }) -join ' '
('b', 'ä', 'a' | Group-Object | ForEach-Object Name) -join ' '
(Compare-Object 'résumé' 'RESUME' -Culture fr-FR | ForEach-Object { "$($_.InputObject)$($_.SideIndicator)" }) -join ' '
(Compare-Object 'a' 'A' -IncludeEqual -Culture de-DE | ForEach-Object SideIndicator) -join ' '
'a' | Sort-Object -Culture 'not a culture!'
