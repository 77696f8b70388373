# Tee-Object (microsoft.powershell.utility/tee-object): the objects go on down the pipeline and into -Variable
# (one object: the value; several: an array). No `tee` alias on Linux, where tee is the native program.
1, 2, 3 | Tee-Object -Variable t | ForEach-Object { $_ * 10 }
$t -join ','
'only' | Tee-Object -Variable one | Out-Null
$one
(Get-Command tee -ErrorAction SilentlyContinue) -eq $null
try { 1 | Tee-Object } catch { $_.Exception.Message }
