Get-Item < in.txt
