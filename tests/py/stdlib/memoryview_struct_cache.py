# struct's module-level functions keep compiled formats in a cache and read
# bytes-like buffers in place. Checked here: cached and uncached formats
# (long ones, many codes, str and bytes spellings) give the same results;
# collisions and _clearcache lose nothing; errors are raised on every call,
# not only the first; a buffer changed by an __index__ offset is read again;
# and a pack whose __index__ calls struct with other formats still packs
# with its own.
import struct
from struct import pack, unpack, unpack_from, pack_into, calcsize


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


data = bytes(range(128))
view = memoryview(data)
formats = ['<I', '>I', 'I', '=h', '!q', '<2H', '<bB', 'xxI', '<3s', '<5p', '?', '<e', '<f',
           '<d', '<iIhHbBqQ', '<' + 'bh' * 6, '<' + 'i' * 12, '<' + ' ' * 30 + 'H',
           b'<I', b'>hh', '@bi', 'P', 'n', '<c', '4x', '']
for rnd in range(3):
    for fmt in formats:
        size = calcsize(fmt)
        got = unpack_from(fmt, view, 3)
        same = got == unpack_from(fmt, data, 3) == unpack(fmt, data[3:3 + size])
        same = same and got == struct.Struct(fmt).unpack_from(bytearray(data), 3)
        if rnd == 0:
            print(fmt, size, same, got)
        elif not same:
            print('mismatch', fmt)
    struct._clearcache()

# Enough distinct formats to collide in any small table.
sizes = [calcsize('<%dB' % n) for n in range(1, 200)]
print(sizes == list(range(1, 200)), calcsize('<1B'), calcsize('<2B'))
print(pack('<%dB' % 3, 1, 2, 3), unpack('<3B', b'\x01\x02\x03'))

# Errors come back on every call, from the cache's point of view too.
for fmt in ['<y', '3', 'i\0', '<N', 'z' * 40, 5, None]:
    for i in range(2):
        t(lambda: unpack_from(fmt, data))
t(lambda: unpack_from('<I', data, 126))
t(lambda: unpack_from('<I', data, -2))
t(lambda: unpack_from('<I', data, -100))
t(lambda: unpack_from('<I', 'text'))
t(lambda: unpack_from('<I', [1, 2, 3, 4]))
t(lambda: unpack_from('<I', data, 1.5))
t(lambda: unpack_from('<I', data, 2**70))
t(lambda: unpack_from('<I', buffer=data, offset=4))
t(lambda: unpack_from('<I', data, offset=125))
t(lambda: unpack_from(format='<I', buffer=data))
t(lambda: unpack_from('<I'))
t(lambda: unpack_from('<I', data, 1, 2))
t(lambda: unpack_from('<I', data, offset=1, buffer=data))
t(lambda: unpack_from('<I', view[::2], 0))
dead = memoryview(data)
dead.release()
t(lambda: unpack_from('<I', dead))
t(lambda: unpack('<I', dead))
t(lambda: unpack('<I', view[:3]))
t(lambda: unpack('<I', view[::2][:4]))
print(unpack('<I', view[4:8]), unpack('<I', bytearray(b'\x01\x00\x00\x00')))
print(unpack_from('<H', view[10:]), unpack_from('<H', view, -2), unpack_from(b'<H', data, 6))


class Grow:
    """An offset whose __index__ tries to resize the bytearray being read."""

    def __init__(self, target):
        self.target = target

    def __index__(self):
        self.target[:] = b'\xff' * 8 + bytes(100)
        return 4


ba = bytearray(b'\x01' * 8)
t(lambda: unpack_from('<I', ba, Grow(ba)))
t(lambda: struct.Struct('<I').unpack_from(ba, Grow(ba)))
print(len(ba), unpack_from('<I', memoryview(ba), Grow(bytearray())))
t(lambda: pack_into('<I', bytearray(8), 2**70, 1))
t(lambda: pack_into('<I', bytearray(8), -2, 1))
t(lambda: struct.Struct('<I').unpack_from(b'abcd', 2**70))
t(lambda: struct.Struct('<I').unpack_from(b'abcd', -2))
t(lambda: struct.Struct('<I').unpack_from())
t(lambda: struct.Struct('<I').unpack_from(buffer=b'abcd', offset=1.5))


class Busy:
    """A value whose __index__ packs with other formats before answering."""

    def __init__(self, v):
        self.v = v

    def __index__(self):
        for n in range(1, 80):
            pack('<%dB' % n, *range(n))
        struct._clearcache()
        pack('<H', 1)
        return self.v


print(pack('<IHb', Busy(7), Busy(8), Busy(-9)), pack('<IHb', 7, 8, -9))
out = bytearray(12)
pack_into('<IHb', out, 2, Busy(1), Busy(2), Busy(3))
print(out)
t(lambda: pack('<I', Busy(-1)))
t(lambda: pack('<IH', Busy(1)))
t(lambda: pack_into('<I', bytearray(2), 0, Busy(1)))
print(calcsize('<IHb'), struct.Struct('<IHb').size)
print(struct._clearcache(), calcsize('<I'), unpack_from('<I', data, 8))
