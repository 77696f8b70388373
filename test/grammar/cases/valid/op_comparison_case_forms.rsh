'A' -ceq 'a'; 'A' -ieq 'a'; 'A' -cne 'a'
