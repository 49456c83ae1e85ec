match x:
  case A(x=1, 2): pass
