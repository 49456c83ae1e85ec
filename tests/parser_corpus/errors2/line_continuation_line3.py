x = 1
y = 2
zz = 3 \ 4
