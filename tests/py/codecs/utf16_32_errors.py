# UTF-16/UTF-32 errors and error handlers, with CPython's exact messages.
def t(f):
    try:
        print(repr(f()))
    except UnicodeError as e:
        print(type(e).__name__ + ":", e, '|', e.encoding, e.start, e.end, e.reason)
    except Exception as e:
        print(type(e).__name__ + ":", e)


for enc in ('utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be'):
    for errors in ('strict', 'surrogatepass', 'replace', 'ignore', 'backslashreplace',
                   'xmlcharrefreplace', 'surrogateescape'):
        t(lambda: 'a\ud800b'.encode(enc, errors))
    t(lambda: 'a\ud800\udfffb\udc00'.encode(enc))

for enc in ('utf-16', 'utf-16-le', 'utf-16-be'):
    for errors in ('strict', 'replace', 'ignore', 'surrogatepass', 'backslashreplace'):
        t(lambda: b'a\x00b'.decode(enc, errors))
        t(lambda: b'\x00\xd8a\x00'.decode(enc, errors))
        t(lambda: b'\x00\xdca\x00'.decode(enc, errors))
        t(lambda: b'a\x00\x00\xd8'.decode(enc, errors))
        t(lambda: b'a\x00\x00\xd8b'.decode(enc, errors))

for enc in ('utf-32', 'utf-32-le', 'utf-32-be'):
    for errors in ('strict', 'replace', 'ignore', 'surrogatepass', 'backslashreplace'):
        t(lambda: b'a\x00\x00'.decode(enc, errors))
        t(lambda: b'\x00\x00\x11\x00'.decode(enc, errors))
        t(lambda: b'\x00\xd8\x00\x00'.decode(enc, errors))
        t(lambda: b'a\x00\x00\x00b\x00'.decode(enc, errors))

t(lambda: b'a\x00b'.decode('utf-16', 'surrogateescape'))
t(lambda: 'x'.encode('utf-16', 'nonsense'))
t(lambda: b'a\x00b'.decode('utf-16', 'nonsense'))
t(lambda: b'a\x00'.decode('utf-16', 'nonsense'))
# surrogatepass also works for UTF-8.
t(lambda: 'x\ud800'.encode('utf-8', 'surrogatepass'))
t(lambda: b'x\xed\xa0\x80'.decode('utf-8', 'surrogatepass'))
t(lambda: 'x\ud800'.encode('ascii', 'surrogatepass'))
