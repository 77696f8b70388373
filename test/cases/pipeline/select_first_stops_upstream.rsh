# Select-Object -First n stops the commands before it once it has n objects (PowerShell's StopUpstreamCommands):
# an endless producer ends, and the commands after it still run their end blocks.
& { while ($true) { 'tick' } } | Select-Object -First 3
1..100000000 | Select-Object -First 2
10..1 | Sort-Object | Select-Object -First 3
function Count-Them { begin { $n = 0 } process { $n++ } end { "counted $n" } }
1..50 | Select-Object -First 4 | Count-Them
function Source { begin { 'from begin' } process { $_ } end { 'from end' } }
1..5 | Source | Select-Object -First 2
'after'
