function f { [CmdletBinding()] param($n) $n.Length }
