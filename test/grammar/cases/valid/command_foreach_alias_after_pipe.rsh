1..2 | foreach { $_ }
