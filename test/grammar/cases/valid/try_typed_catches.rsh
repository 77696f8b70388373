try { 1 } catch [System.IO.IOException], [System.UnauthorizedAccessException] { 2 } catch { 3 }
