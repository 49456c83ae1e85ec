x :: int
