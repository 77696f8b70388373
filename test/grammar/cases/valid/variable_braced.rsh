${my var}
