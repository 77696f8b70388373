& 'my tool' -x 1
