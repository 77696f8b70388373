:loop while ($true) { continue loop }
