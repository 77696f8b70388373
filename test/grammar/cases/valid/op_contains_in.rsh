$list -contains 3; 3 -in $list; $list -notcontains 4; 4 -notin $list
