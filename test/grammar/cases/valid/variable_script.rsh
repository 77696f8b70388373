$script:x
