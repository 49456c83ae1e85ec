# UnicodeError messages after their attributes were reassigned (str() of a
# non-str reason or encoding), and a decode error's input kept as bytes
# when a bytearray was given.
u = UnicodeEncodeError('baz', 'xxxxx', 1, 5, 'foo')
print(str(u))
u.end = 2
print(str(u))
u.end = 5
u.reason = 0x345345345345345345
print(str(u))
u.encoding = 4000
print(str(u))
u.start = 1000
print(str(u))
u = UnicodeDecodeError('baz', b'xxxxx', 1, 5, 'foo')
print(str(u))
u.end = 2
print(str(u))
u.reason = 0x345345345345345345
u.encoding = 4000
print(str(u))
u = UnicodeDecodeError('ascii', bytearray(b'\xff'), 0, 1, 'ordinal not in range')
print(repr(u.object), str(u))
try:
    bytearray(b'\xffab').decode('ascii')
except UnicodeDecodeError as e:
    print(repr(e.object), e)
u = UnicodeTranslateError('xxxx', 1, 5, 'foo')
print(str(u))
u.reason = 12
print(str(u))
