try { 1 } catch { $_ }
