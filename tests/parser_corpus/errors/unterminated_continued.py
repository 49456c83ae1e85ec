x = 'ab\
cd
