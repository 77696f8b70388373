process { $_ }
