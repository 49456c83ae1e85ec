# struct's buffer-too-small message with an offset near sys.maxsize shows
# the needed size as an unsigned number, as CPython does.
import struct
import sys

for fn, args in [(struct.pack_into, ('<I', bytearray(10), sys.maxsize, 1)),
                 (struct.unpack_from, ('<I', bytes(10), sys.maxsize)),
                 (struct.pack_into, ('<I', bytearray(10), 8, 1)),
                 (struct.unpack_from, ('<I', bytes(10), -2))]:
    try:
        fn(*args)
    except struct.error as e:
        print(e)
