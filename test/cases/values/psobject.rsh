# about_Intrinsic_Members: every value has .PSObject — its BaseObject, TypeNames and Properties (PSNoteProperty
# for an object's note properties: Name, Value, MemberType, TypeNameOfValue; settable; removable); Copy() is shallow.
$o = [pscustomobject]@{ Name = 'a'; Size = 3 }
$o.PSObject.Properties | ForEach-Object { "$($_.Name)=$($_.Value) $($_.MemberType) $($_.TypeNameOfValue)" }
$o.psobject.Properties.Name -join ','
$o.PSObject.Properties['size'].Value
$o.PSObject.Properties['size'].Value = 10
$o.Size
$o.PSObject.Properties.Remove('Name')
$o.PSObject.Properties.Name
$c = $o.PSObject.Copy(); $c.Size = 1; "$($o.Size) $($c.Size)"
$o.PSObject.TypeNames[0]
'abc'.PSObject.BaseObject
'abc'.PSObject.Properties['Length'].Value
$null -eq $null.PSObject
$o.PSObject.Properties['nope'] -eq $null
$o.PSObject.Properties | Format-Table Name, Value
