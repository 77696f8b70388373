trap [System.Exception] { 'x' }
