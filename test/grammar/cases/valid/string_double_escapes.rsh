"tab`tnewline`n quote`" dollar`$"
