Get-Item -Path a.txt
