:outer foreach ($a in 1..2) { foreach ($b in 1..2) { break outer } }
