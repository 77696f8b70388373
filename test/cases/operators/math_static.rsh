[math]::Round(2.5)
[math]::Round(3.5)
[math]::Round(2.567, 2)
[math]::Max(3, 9)
[int]::MaxValue
[string]::Join('-', @('a','b'))
# System.Double's constants print as .NET writes them (fifteen significant digits).
[double]::MaxValue; [double]::MinValue; [double]::Epsilon; [double]::PositiveInfinity; [double]::IsNaN([double]::NaN)
