# The UTF-16 and UTF-32 codecs: byte order marks, the -le/-be variants, aliases.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


text = 'a\xe9\u20ac\U0001f600'
for enc in ('utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be',
            'UTF16', 'utf_16le', 'U16', 'u32', 'UTF-32BE', 'utf_32_le', 'unicodelittleunmarked',
            'UnicodeBigUnmarked'):
    data = text.encode(enc)
    print(enc, data, data.decode(enc) == text, ''.encode(enc), len(data))

# Decoding the plain names sniffs the byte order mark and drops it.
for enc in ('utf-16', 'utf-16-le', 'utf-16-be'):
    t(lambda: b'a\x00b\x00'.decode(enc))
    t(lambda: b'\xff\xfea\x00b\x00'.decode(enc))
    t(lambda: b'\xfe\xff\x00a\x00b'.decode(enc))
    t(lambda: b'=\xd8\x00\xde'.decode(enc))
    t(lambda: b''.decode(enc))
    t(lambda: b'\xff\xfe'.decode(enc))
for enc in ('utf-32', 'utf-32-le', 'utf-32-be'):
    t(lambda: b'a\x00\x00\x00'.decode(enc))
    t(lambda: b'\xff\xfe\x00\x00a\x00\x00\x00'.decode(enc))
    t(lambda: b'\x00\x00\xfe\xff\x00\x00\x00a'.decode(enc))
    t(lambda: b'\x00\x00\x11\x00'.decode(enc))

print(str(b'h\x00i\x00', 'utf-16-le'), bytearray('hi', 'utf-32-be'), bytes('x', 'utf_16_be'))
print(memoryview('ok'.encode('utf-16')).tobytes().decode('utf-16'))
t(lambda: 'x'.encode('utf32le'))
