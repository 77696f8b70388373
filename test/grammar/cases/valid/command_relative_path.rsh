./tool.rsh arg
