u'x' b'y'
