# Functions with typed, mandatory and default parameters, switches, and pipeline input (begin/process/end).
function Get-Area {
  param(
    [Parameter(Mandatory)][double]$Width,
    [double]$Height = $Width,
    [switch]$Round
  )
  $area = $Width * $Height
  if ($Round) { [math]::Round($area) } else { $area }
}

Get-Area 3 4
Get-Area -Width 2.5
Get-Area -Width 2.5 -Round

# ValueFromPipeline: the process block runs once per object; begin and end run once.
function Measure-Word {
  param(
    [Parameter(ValueFromPipeline)][string]$Word,
    [int]$MinLength = 1
  )
  begin { $count = 0; $letters = 0 }
  process {
    if ($Word.Length -ge $MinLength) {
      $count++
      $letters += $Word.Length
      [pscustomobject]@{ Word = $Word; Length = $Word.Length }
    }
  }
  end { "$count words, $letters letters" }
}

'pipeline', 'of', 'objects' | Measure-Word -MinLength 3

# $input: a simple function sees the whole pipeline input at once.
function Get-Total { ($input | Measure-Object -Sum).Sum }
1..10 | Get-Total

# Splatting: parameters from a hashtable.
$size = @{ Width = 6; Height = 7 }
Get-Area @size

# A missing mandatory parameter is an error you can catch.
try { Get-Area -Height 2 } catch { "error: $($_.Exception.Message)" }
