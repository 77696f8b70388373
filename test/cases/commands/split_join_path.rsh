# Split-Path and Join-Path on path text (microsoft.powershell.management/split-path, join-path): -Leaf, -LeafBase and
# -Extension (Path.GetFileNameWithoutExtension / GetExtension), -Parent (the default), -Qualifier, -NoQualifier,
# -IsAbsolute, piped paths, one switch at a time; Join-Path's -AdditionalChildPath (the remaining arguments) and
# several -Path values, one `/` between parts.
Split-Path /a/b/c.tar.gz -Leaf
Split-Path /a/b/c.tar.gz -LeafBase
Split-Path /a/b/c.tar.gz -Extension
Split-Path /a/b/c.tar.gz
Split-Path /a/b/ -Parent
"[$(Split-Path a)]"
Split-Path /a
"[$(Split-Path /a/noext -Extension)]"
"[$(Split-Path /a/.bashrc -LeafBase)]"
Split-Path env:PATH -Qualifier
Split-Path env:PATH -NoQualifier
Split-Path /x -IsAbsolute
Split-Path x/y -IsAbsolute
'/p/q.txt', '/r/s.md' | Split-Path -Extension
Split-Path a -Leaf -Parent
Join-Path a b
Join-Path a/ /b
Join-Path a b c d
Join-Path -Path a -ChildPath b -AdditionalChildPath c, d
Join-Path a, /x b
'p', 'q' | Join-Path -ChildPath z
