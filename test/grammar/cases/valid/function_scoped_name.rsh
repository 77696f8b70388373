function global:Util { 1 }
