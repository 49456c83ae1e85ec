# binascii: uuencoding both ways, crc_hqx, and buffer inputs (memoryview,
# array) accepted by their raw bytes.
import array
import binascii

for data in [b'', b'a', b'ab', b'abc', b'Hello, world!', bytes(range(45))]:
    line = binascii.b2a_uu(data)
    tick = binascii.b2a_uu(data, backtick=True)
    print(line, tick, binascii.a2b_uu(line) == data, binascii.a2b_uu(tick) == data)
print(binascii.a2b_uu(b'#86)C\n'), binascii.a2b_uu('#86)C'), binascii.a2b_uu(b''))
print(binascii.a2b_uu(b'&86)C'), binascii.a2b_uu(b'!80  \n'), binascii.a2b_uu(b'!80``'))
for bad in [b'#86)C!!!!', b'\x7f86)C', bytes(46)]:
    try:
        (binascii.b2a_uu if len(bad) > 40 else binascii.a2b_uu)(bad)
    except binascii.Error as e:
        print('Error', e)
print(binascii.crc_hqx(b'', 0), binascii.crc_hqx(b'123456789', 0), binascii.crc_hqx(b'123456789', 0xffff))
print(binascii.crc_hqx(b'abc', 0x12345), binascii.crc_hqx(b'def', binascii.crc_hqx(b'abc', 0)),
      binascii.crc_hqx(b'abcdef', 0))
mv = memoryview(b'buffer data')
arr = array.array('B', b'xyz')
print(binascii.hexlify(mv), binascii.b2a_base64(arr), binascii.crc32(mv), binascii.b2a_uu(mv[:6]))
print(binascii.a2b_base64(memoryview(b'eHl6')), binascii.hexlify(array.array('H', [1, 258])))
try:
    binascii.hexlify(12)
except TypeError as e:
    print('TypeError', e)
