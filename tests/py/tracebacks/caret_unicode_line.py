s = 'ünïcödé'; t = s.missing_attr
