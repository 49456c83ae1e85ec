# base64 / binascii: encoders, decoders, alphabets, padding rules and errors.
import base64
import binascii

DATA = [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)), b'\xff\xfe\xfd', b'user:pass']
for d in DATA:
    e = base64.b64encode(d)
    print(e, base64.b64decode(e) == d, base64.urlsafe_b64encode(d), base64.b32encode(d),
          base64.b16encode(d), base64.b32hexencode(d), base64.b64encode(d, altchars=b'*!'))
    print(base64.b32decode(base64.b32encode(d)) == d, base64.b16decode(base64.b16encode(d)) == d,
          base64.urlsafe_b64decode(base64.urlsafe_b64encode(d)) == d, base64.b32hexdecode(base64.b32hexencode(d)) == d)
print(base64.encodebytes(bytes(range(100))), base64.decodebytes(base64.encodebytes(b'x' * 100)) == b'x' * 100)
print(base64.b64decode('Zm9vYmFy'), base64.b64decode(b'Zm9v\nYmFy'), base64.b64decode('Zm9v!!YmFy'), base64.b64decode('Zg=='),
      base64.b64decode('Zg==junk'), base64.b64decode('Zm8='), base64.b64decode(bytearray(b'Zm9v')), base64.standard_b64decode('YQ=='))
print(base64.b64decode('-_8=', altchars='-_'), base64.urlsafe_b64decode('-_-_'), base64.b16decode('ab', casefold=True))
print(base64.b32decode('MZXW6===', casefold=False), base64.b32decode('mzxw6===', casefold=True), base64.b32decode('0O======', map01='L') if False else '')
for bad in ['Zg', 'Zg=', 'Z', 'Zm9vY', 'ab=c', '====', 'Zm9v=YmFy']:
    try:
        print(repr(bad), base64.b64decode(bad))
    except binascii.Error as e:
        print(repr(bad), 'Error', e)
for bad in ['Zm9v!', 'Zg===', 'Zm 9v']:
    try:
        print(base64.b64decode(bad, validate=True))
    except binascii.Error as e:
        print('Error', e)
for fn, arg in [(base64.b64encode, 'str'), (base64.b64decode, 5), (base64.b64decode, 'é'), (base64.b16decode, 'zz'),
                (base64.b32decode, 'MZXW6'), (base64.b32decode, 'M1XW6==='), (base64.b16decode, 'abc')]:
    try:
        print(fn(arg))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(issubclass(binascii.Error, ValueError), binascii.hexlify(b'\x01\xab'), binascii.unhexlify('01ab'), binascii.b2a_base64(b'hi'),
      binascii.a2b_base64('aGk='), binascii.crc32(b'hello world'), binascii.crc32(b'world', binascii.crc32(b'hello ')))
for bad in ['abc', 'zz']:
    try:
        binascii.unhexlify(bad)
    except binascii.Error as e:
        print('Error', e)
