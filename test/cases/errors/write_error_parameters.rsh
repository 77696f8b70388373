# Write-Error's parameters (microsoft.powershell.utility/write-error): -Category, -ErrorId, -TargetObject and
# -RecommendedAction fill the record ($_.ErrorDetails.RecommendedAction); -CategoryActivity/-CategoryReason/
# -CategoryTargetName/-CategoryTargetType (aliases Activity, Reason, TargetName, TargetType) set CategoryInfo's parts;
# -Exception gives the record that exception, its type name as the default error id, and a -Message beside it is
# the text shown (ErrorDetails.Message); -ErrorRecord writes a copy of a record. A plain message's exception is a
# WriteErrorException, and its ErrorDetails is null. Without a message, exception or record the mandatory -Message is
# missing (a statement-terminating binding error).
try { Write-Error "plain" -ErrorAction Stop } catch {
  $_.FullyQualifiedErrorId; $_.Exception.GetType().FullName; $_.CategoryInfo.Reason; $_.CategoryInfo.Activity; $null -eq $_.ErrorDetails
}
try { Write-Error -Message "Disk full" -Category ResourceUnavailable -ErrorId DiskFull -TargetObject 42 -RecommendedAction 'Free space' -ErrorAction Stop } catch {
  $_.FullyQualifiedErrorId; $_.CategoryInfo.Category; $_.CategoryInfo.TargetName; $_.CategoryInfo.TargetType; $_.TargetObject
  $_.ErrorDetails.RecommendedAction; $_.ErrorDetails.Message
}
try { Write-Error -Exception ([System.InvalidOperationException]::new('bad op')) -ErrorAction Stop } catch {
  $_.FullyQualifiedErrorId; "$_"; $_.CategoryInfo.Reason; $null -eq $_.ErrorDetails
}
try { Write-Error -Exception ([System.InvalidOperationException]::new('bad op')) -Message 'shown' -ErrorAction Stop } catch [System.InvalidOperationException] {
  "$_"; $_.Exception.Message; $_.ErrorDetails.Message
}
try { Write-Error 'm' -CategoryActivity Act -CategoryReason Why -CategoryTargetName TN -CategoryTargetType TT -ErrorAction Stop } catch {
  $c = $_.CategoryInfo; $c.Activity, $c.Reason, $c.TargetName, $c.TargetType -join '|'
}
try { Write-Error 'm' -Activity A2 -Reason R2 -TargetName N2 -TargetType T2 -ErrorAction Stop } catch {
  $c = $_.CategoryInfo; $c.Activity, $c.Reason, $c.TargetName, $c.TargetType -join '|'
}
try { Get-Item /nonexistent/rsh-case -ErrorAction Stop } catch { $r = $_ }
try { Write-Error -ErrorRecord $r -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category; "$_" }
Write-Error -Msg 'via the Msg alias'
'bad input' | Write-Error -Category InvalidData
$Error[0].CategoryInfo.Category
Write-Error; 'after the missing message'
