# Bad parameter values name the parameter, with PowerShell's binding wording (about_Parameters; the cmdlet references
# give each parameter's type and range): conversions, [ValidateRange], [ValidateSet], unknown and missing parameters.
try { Get-Random -Maximum abc } catch { $_.Exception.Message }
try { Get-Random -Count zero } catch { $_.Exception.Message }
try { Compare-Object 1 2 -SyncWindow -1 } catch { $_.Exception.Message }
try { 'x' | Select-String x -Context -1 } catch { $_.Exception.Message }
try { 'a' | Select-String -Pattern a -Colour } catch { $_.Exception.Message }
try { 'a,b' | ConvertFrom-Csv -Delimiter '::' } catch { $_.Exception.Message }
try { Export-Csv -InputObject 1 } catch { $_.Exception.Message }
try { New-Variable } catch { $_.Exception.Message }
try { Get-Variable x -Scope Nowhere } catch { $_.Exception.Message }
try { [pscustomobject]@{} | Add-Member -NotePropertyMembers 5 } catch { $_.Exception.Message }
try { [pscustomobject]@{} | Add-Member } catch { $_.Exception.Message }
try { @{ a = 1 } | Add-Member -NotePropertyName b -NotePropertyValue 2 } catch { $_.Exception.Message }
