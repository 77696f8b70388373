# about_Numeric_Literals (PowerShell 7): 0b binary literals, with the same suffixes and multipliers as hex ones.
0b1010
-0b11
0b1kb
(0b1111).GetType().Name
0b11 + 1
Write-Output 0b101
