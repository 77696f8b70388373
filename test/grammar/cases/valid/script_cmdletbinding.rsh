[CmdletBinding()]
param($x)
$x
