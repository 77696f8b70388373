# Bad input never takes the process down: each of these is an error record, and the next statement runs.
try { function Deep { Deep }; Deep } catch { 'unreachable: call depth overflow is not catchable here' }
