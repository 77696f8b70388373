$s -match '^\d+$'; $s -notmatch 'x'; $s -cmatch 'X'
