a is not in b
