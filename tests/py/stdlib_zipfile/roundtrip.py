# zipfile: writing stored and deflated members, reading them back, and the
# exact archive bytes (compared through a digest with what CPython writes).
import hashlib
import io
import zipfile

STAMP = (2021, 6, 15, 8, 30, 20)


def info(name, method=zipfile.ZIP_STORED):
    zi = zipfile.ZipInfo(name, STAMP)
    zi.compress_type = method
    return zi


buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
    print(z.mode, z.compression, repr(z)[:27])
    z.writestr(info('stored.txt'), 'plain text, stored\n' * 3)
    z.writestr(info('deflated.txt', zipfile.ZIP_DEFLATED), 'squeeze me ' * 200)
    z.writestr(info('level1.bin', zipfile.ZIP_DEFLATED), bytes(range(256)) * 8,
               compresslevel=1)
    z.writestr(info('dir/'), b'')
    z.writestr(info('dir/nested.txt', zipfile.ZIP_DEFLATED), b'nested')
    z.writestr(info('caf\xe9/\u65e5\u672c.txt'), 'non-ASCII name'.encode())
    with z.open(info('streamed.log', zipfile.ZIP_DEFLATED), 'w') as w:
        for i in range(300):
            w.write(b'event %d happened\n' % i)
    z.comment = b'made for the test'
data = buf.getvalue()
print(len(data), hashlib.sha256(data).hexdigest()[:16])

with zipfile.ZipFile(io.BytesIO(data)) as z:
    print(z.namelist())
    print(z.comment)
    for zi in z.infolist():
        print(zi.filename, zi.compress_type, zi.file_size, zi.compress_size, hex(zi.CRC),
              zi.header_offset, zi.date_time, zi.flag_bits, zi.is_dir())
        print('  ', repr(zi))
    print(z.read('stored.txt').decode().splitlines()[0])
    print(len(z.read('deflated.txt')), z.read('dir/nested.txt'))
    print(z.read(z.getinfo('level1.bin'))[250:260])
    with z.open('streamed.log') as f:
        print(f.readline(), f.readline())
        print(len(f.readlines()))
    with z.open('deflated.txt') as f:
        print(f.read(6), f.tell(), f.seek(2200 - 5), f.read(), f.seek(11), f.read(10))
    print(z.testzip())
    for line in z.open('stored.txt'):
        print(line)
        break

# A member can be read while another is open.
with zipfile.ZipFile(io.BytesIO(data)) as z:
    a = z.open('stored.txt')
    b = z.open('deflated.txt')
    print(a.read(5), b.read(6), a.read(5), b.read(7))
    a.close()
    b.close()

# Appending keeps the existing members.
with zipfile.ZipFile(buf, 'a') as z:
    z.writestr(info('added.txt', zipfile.ZIP_DEFLATED), b'appended later')
data = buf.getvalue()
print(len(data), hashlib.sha256(data).hexdigest()[:16])
with zipfile.ZipFile(buf) as z:
    print(z.namelist()[-2:], z.read('added.txt'), z.comment)


# A stream that can neither seek nor tell: members get data descriptors.
class Unseekable(io.RawIOBase):
    def __init__(self):
        self.buf = bytearray()

    def writable(self):
        return True

    def write(self, b):
        self.buf += b
        return len(b)

    def seekable(self):
        return False

    def tell(self):
        raise OSError('no tell')

    def seek(self, *args):
        raise OSError('no seek')


u = Unseekable()
with zipfile.ZipFile(u, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr(info('s.txt', zipfile.ZIP_DEFLATED), b'stream ' * 50)
    z.writestr(info('t.txt'), b'stored')
data = bytes(u.buf)
print(len(data), hashlib.sha256(data).hexdigest()[:16])
with zipfile.ZipFile(io.BytesIO(data)) as z:
    print([(i.filename, i.flag_bits, i.CRC, i.compress_size) for i in z.infolist()])
    print(z.read('s.txt')[:14], z.testzip())
