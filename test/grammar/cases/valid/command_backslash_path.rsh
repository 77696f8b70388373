.\script.rsh
