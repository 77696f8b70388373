1 -shl 4 -shr 1
