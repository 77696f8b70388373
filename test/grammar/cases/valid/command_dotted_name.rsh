tool.exe --flag
