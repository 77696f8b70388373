$h['key']
