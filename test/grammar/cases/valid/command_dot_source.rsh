. ./lib.rsh
