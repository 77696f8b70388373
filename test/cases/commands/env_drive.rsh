# about_Environment_Provider: Test-Path, Get-Item and Remove-Item on the env: drive (the session's environment).
# Names are case-sensitive on Linux; a name that is not set is PathNotFound; wildcards remove several.
$env:RSH_DEMO = 'on'
Test-Path Env:RSH_DEMO
Test-Path env:rsh_demo
Test-Path Env:NOPE_NOT_SET
Test-Path env:
Test-Path Env:RSH_DEMO -PathType Container
(Get-Item Env:RSH_DEMO).Value
Remove-Item Env:RSH_DEMO
Test-Path Env:RSH_DEMO
"after remove: [$env:RSH_DEMO]"
Get-Item Env:RSH_DEMO
Remove-Item Env:RSH_DEMO
$env:RSH_A = 1; $env:RSH_B = 2; Remove-Item Env:RSH_*; (Get-ChildItem Env:RSH_*).Count
