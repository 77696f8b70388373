& $command arg
