function Double { process { $_ * 2 } }
1..3 | Double
function Sum { begin { $t = 0 } process { $t += $_ } end { $t } }
1..4 | Sum
filter Inc { $_ + 1 }
1, 2 | Inc
function Named { param([Parameter(ValueFromPipeline)]$Item) process { "item $Item" } }
'a', 'b' | Named
