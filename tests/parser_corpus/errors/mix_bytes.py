x = 'a' b'c'
