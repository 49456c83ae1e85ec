not not x
