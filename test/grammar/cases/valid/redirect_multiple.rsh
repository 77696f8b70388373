cmd 2>&1 > log.txt
