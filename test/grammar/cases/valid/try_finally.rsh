try { 1 } finally { 2 }
