match x:
  case 1 as 1: pass
