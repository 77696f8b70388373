# An error's InvocationInfo (about_Automatic_Variables, $_ in catch): where it happened — ScriptLineNumber,
# OffsetInLine, Line and the `At file:line char:column` PositionMessage with the line and a ~ marker.
function Test-Throw {
  throw "custom"
}
try { Test-Throw } catch {
  $_.InvocationInfo.ScriptLineNumber
  $_.InvocationInfo.OffsetInLine
  $_.InvocationInfo.Line.Trim()
  $_.InvocationInfo.PositionMessage
}
try { Get-Item ./no-such-file -ErrorAction Stop } catch { $_.InvocationInfo.MyCommand; $_.InvocationInfo.ScriptLineNumber }
