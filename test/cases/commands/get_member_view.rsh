# Get-Member's output shows in PowerShell's MemberDefinition view (PowerShellCore_format_ps1xml): grouped under
# `   TypeName: …`, then Name, MemberType and Definition; each type its own group.
[pscustomobject]@{ A = 1 } | Get-Member -MemberType NoteProperty
'x' | Get-Member -Name Length
