$local:x
