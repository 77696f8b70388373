# about_Preference_Variables, $OFS: the separator between an array's elements when it becomes a string
# ("$list", [string]$list); a space when $OFS is unset.
$a = 1, 2, 3
"$a"; [string]$a
$OFS = '-'
"$a"; [string]$a; "$(4, 5)"
& { $OFS = '+'; "$a" }
Remove-Variable OFS
"$a"
