# Add-Member's script members (microsoft.powershell.utility/add-member, about_Intrinsic_Members): a ScriptProperty
# computes its value with $this the object (and takes -SecondValue as its setter, given the value as its argument);
# a ScriptMethod runs with $this and its arguments; an AliasProperty reads and writes another property. Display,
# ConvertTo-Json and .PSObject.Properties see the computed values; methods are not listed but Get-Member shows them;
# setting a ScriptProperty without a setter fails with pwsh's "Set accessor ... is unavailable".
$p = [pscustomobject]@{ First = 'Ada'; Last = 'Lovelace'; Born = 1815 }
$p | Add-Member -MemberType ScriptProperty -Name FullName -Value { "$($this.First) $($this.Last)" }
$p | Add-Member -MemberType ScriptMethod -Name Greet -Value { param($greeting) "$greeting, $($this.First)!" }
$p | Add-Member -MemberType AliasProperty -Name Surname -Value Last
$p | Add-Member -MemberType ScriptProperty -Name Age -Value { 1852 - $this.Born } -SecondValue { param($age) $this.Born = 1852 - $age }
$p.FullName
$p.Greet('Hello')
$p.Surname
$p.Surname = 'King'
$p.Last
$p.Age
$p.Age = 40
$p.Born
$p.First = 'Augusta'
$p.FullName
$p | Format-List
$p | ConvertTo-Json -Compress
$p.PSObject.Properties | ForEach-Object { "$($_.Name) $($_.MemberType) $($_.IsSettable)" }
try { $p.FullName = 'x' } catch { $_.Exception.Message }
$p | Get-Member | Where-Object MemberType -ne Method | ForEach-Object { "$($_.Name) $($_.MemberType) $($_.Definition)" }
$q = [pscustomobject]@{ N = 1 }; $q | Add-Member -MemberType ScriptProperty -Name Twice -Value { $this.N * 2 }; $q | Add-Member Twice 5 -Force; $q.Twice; $q | Add-Member -MemberType ScriptProperty -Name N -Value { 7 } -Force; $q.N
"x" | Add-Member -MemberType ScriptMethod -Name Shout -Value { $this.ToUpper() + "!" } -PassThru | ForEach-Object { $_.Shout() }
