# memoryview is accepted wherever C code takes a bytes-like object.
import io
import os
import socket
import struct
import tempfile


def t(name, f):
    try:
        print(name, repr(f()))
    except Exception as e:
        print(name, type(e).__name__ + ":", e)


mv = memoryview(b'hello world')
t('join', lambda: b'-'.join([mv[:5], mv[6:]]))
t('bytearray join', lambda: bytearray(b'-').join([mv[:5]]))
t('find', lambda: b'xx hello'.find(mv[:5]))
t('in', lambda: mv[:2] in b'xhey')
t('startswith', lambda: b'hello'.startswith(mv[:3]))
t('replace', lambda: b'hello'.replace(mv[:1], b'J'))
t('concat', lambda: b'a' + mv[:2])
t('bytearray concat', lambda: bytearray(b'a') + mv[:2])
t('bytes strided', lambda: bytes(mv[::2]))
t('bytearray()', lambda: bytearray(mv[1:4]))
t('str()', lambda: str(mv[:5], 'ascii'))
t('int', lambda: int(memoryview(b'15')))
t('float', lambda: float(memoryview(b'1.5')))
t('int.from_bytes', lambda: int.from_bytes(mv[:2], 'big'))
t('unpack_from', lambda: struct.unpack_from('>H', mv, 1))
t('unpack', lambda: struct.unpack('>HH', mv[:4]))
t('iter_unpack', lambda: list(struct.iter_unpack('>H', mv[:4])))
buf = bytearray(6)
t('pack_into', lambda: (struct.pack_into('>HH', memoryview(buf), 1, 1, 2), buf))
t('pack_into slice', lambda: (struct.pack_into('>H', memoryview(buf)[2:], 0, 0xffff), buf))
t('pack_into readonly', lambda: struct.pack_into('>H', mv, 0, 1))
t('BytesIO', lambda: io.BytesIO(mv[:3]).read())
bio = io.BytesIO()
t('BytesIO.write', lambda: (bio.write(mv[:5]), bio.getvalue()))

d = tempfile.mkdtemp()
p = os.path.join(d, 'f.bin')
with open(p, 'wb') as f:
    t('file write', lambda: f.write(mv[6:]))
with open(p, 'wb', buffering=0) as f:
    t('raw write', lambda: f.write(mv))
with open(p, 'rb') as f:
    t('read back', lambda: f.read())
fd = os.open(p, os.O_WRONLY)
t('os.write', lambda: os.write(fd, mv[:3]))
os.close(fd)
os.remove(p)
os.rmdir(d)

a, b = socket.socketpair()
t('sendall', lambda: a.sendall(mv[:5]))
t('send', lambda: a.send(mv[5:]))
r = bytearray(16)
t('recv_into slice', lambda: b.recv_into(memoryview(r)[3:], 5))
t('recv_into rest', lambda: (b.recv_into(memoryview(r)[8:]), bytes(r)))
t('recv_into readonly', lambda: b.recv_into(mv))
t('recv_into bytes', lambda: b.recv_into(b'abc'))
view = memoryview(bytearray(4))
a.sendall(b'wxyz')
t('recv_into held', lambda: (b.recv_into(view), view.tobytes()))
a.close()
b.close()
