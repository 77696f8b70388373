try { 1 } catch
