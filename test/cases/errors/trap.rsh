# about_Trap: a trap handles the terminating errors of the block it is in, wherever it stands in it.
# No keyword: the trap runs, the error is reported, and the next statement runs.
function TrapTest {
  "before"
  nonsenseString
  "after"
  trap { "Error found: $($_.FullyQualifiedErrorId)" }
}
TrapTest
# `continue`: silent; an error in a subordinate block (if, foreach) resumes after that block.
function InIf { trap { "trapped: $_"; continue }; if ($true) { throw "x"; "not reached" }; "after the if" }
InIf
function InLoop { trap { "loop trapped $_"; continue }; foreach ($i in 1..3) { if ($i -eq 2) { throw "at $i" }; "i=$i" }; "after the loop" }
InLoop
# `break`: the error is rethrown to the caller.
function Breaks { trap { "t3"; break }; throw "boom"; "not reached" }
try { Breaks } catch { "caller caught: $_" }
# An error in a called function that has no trap reaches the caller's trap, ending the calling statement.
function Inner { 1/0; "inner after" }
function Outer { trap [System.DivideByZeroException] { "typed trap: $($_.Exception.Message)"; continue }; Inner; "outer after" }
Outer
# A typed trap ignores other errors.
function Typed { trap [System.Management.Automation.CommandNotFoundException] { "wrong"; continue }; throw "other"; "x" }
try { Typed } catch { "escaped: $_" }
# $_ is the error record inside the trap, and back to its old value after.
function Underscore { $_ = 'old'; trap { $_.Exception.Message; continue }; throw "e"; $_ }
Underscore
# Script level.
trap { "script level: $_"; continue }
throw "top"
"end of script"
