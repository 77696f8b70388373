trap { 'trapped'; continue }
1
