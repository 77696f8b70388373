"Hello $name!"
