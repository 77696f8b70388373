# Add-Member (microsoft.powershell.utility/add-member): an AliasProperty's -SecondValue names a type its value is
# converted to when read (example 6: the alias of a string '20' adds as a number); a type rsh does not know is refused;
# with -Value given, the first positional argument must be a PSMemberTypes name (binding error otherwise), while
# `Add-Member Name Value` alone is the NotePropertyName/NotePropertyValue form.
$obj = [pscustomobject]@{ Name = 'Doris'; Age = '20' }
$obj | Add-Member -MemberType AliasProperty -Name intAge -Value age -SecondValue int
$obj.Age + 1
$obj.intAge + 1
$obj | Add-Member -MemberType AliasProperty -Name n2 -Value age -SecondValue ([int])
$obj.n2 + 2
($obj | Get-Member intAge).Definition
$obj | Add-Member -MemberType AliasProperty -Name bad -Value age -SecondValue nosuchtype
$obj | Add-Member -MemberType Bogus -Name z -Value 1
$obj | Add-Member Status Done; $obj.Status
