0
1
1_000_000
0x_FF
0XaBc
0o777
0O1_7
0b1010
0B_1
00
0_0
123456789012345678901234567890123456789012345678901234567890
0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF
1.0
1.
.5
1e10
1E-10
1.5e+300
1e16
1e15
123456789.123456789
0.1
0.0001
0.00001
1e-5
3.14_15
1_0.0_1e1_0
1j
1.5J
0j
1e100j
1e400
1e400j
3.0j
True, False, None, ...
'single'
"double"
'''triple single'''
"""triple
double"""
'it\'s'
"say \"hi\""
'a' 'b' "c"
'esc: \n \t \\ \' \" \a \b \f \v \r \0 \12 \101 \x41 \u00e9 \U0001F600'
'unknown \d \q'
r'raw \n \d'
R"raw"
rb'raw bytes \n'
Rb'x' BR'y' bR'z'
b'bytes \x00 \xff \n'
b''
''
u'unicode'
U'unicode' 'more'
'line \
continued'
'caf\xe9'
'héllo wörld'
'日本語'
'emoji 😀'
"mixed ' quote"
'mixed " quote'
'both \' and "'
'\x7f \x80 \xa0 \xad'
'\ud800'
b"\'\""
'\777'
"""a
  b
    c"""
('implicit'
 'concatenation')
x = ('a'
     'b' if 0 else 'c')
