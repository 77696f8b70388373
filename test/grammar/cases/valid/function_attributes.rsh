function f {
  [CmdletBinding()]
  param(
    [Parameter(Mandatory, Position = 0, ValueFromPipeline)]
    [Alias('n')]
    [ValidateNotNullOrEmpty()]
    [string]$Name
  )
  $Name
}
