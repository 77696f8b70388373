for (;;) { break }
