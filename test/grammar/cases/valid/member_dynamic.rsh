$x.$prop
