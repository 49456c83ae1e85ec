# zipfile with real files: write(), extract/extractall, is_zipfile, mode 'x'
# and 'a', and the errors for bad archives, names and states.
import base64
import io
import os
import shutil
import tempfile
import zipfile

# An archive written by CPython's zipfile.
CPYTHON_ZIP = base64.b64decode(
    'UEsDBBQAAAAIAI9S5E6m6B+0FwAAAEABAAAKAAAAcmVhZG1lLnR4dMtNTElVSKpUcA6oLMnIz+PKHe'
    'WTxAcAUEsDBBQAAAAAAI9S5E7/eQy1MgAAADIAAAAMAAAAcGtnL2RhdGEuYmluAAECAwQFBgcICQoL'
    'DA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDFQSwECFAMUAAAACACPUuROpugftBcA'
    'AABAAQAACgAAAAAAAAAAAAAAgAEAAAAAcmVhZG1lLnR4dFBLAQIUAxQAAAAAAI9S5E7/eQy1MgAAADIA'
    'AAAMAAAAAAAAAAAAAACAAT8AAABwa2cvZGF0YS5iaW5QSwUGAAAAAAIAAgByAAAAmwAAAAcAY3B5dGhv'
    'bg==')

with zipfile.ZipFile(io.BytesIO(CPYTHON_ZIP)) as z:
    print(z.namelist(), z.comment, z.testzip())
    print(z.read('readme.txt').decode().count('CPython'), z.read('pkg/data.bin')[-3:])
    print([(i.compress_type, i.file_size, i.compress_size, i.CRC, i.date_time)
           for i in z.infolist()])

tmp = tempfile.mkdtemp()
try:
    src = os.path.join(tmp, 'src')
    os.makedirs(os.path.join(src, 'sub'))
    with open(os.path.join(src, 'one.txt'), 'w') as f:
        f.write('first file\n' * 10)
    with open(os.path.join(src, 'sub', 'two.bin'), 'wb') as f:
        f.write(bytes(range(200)))
    archive = os.path.join(tmp, 'out.zip')
    with zipfile.ZipFile(archive, 'w', compression=zipfile.ZIP_DEFLATED) as z:
        z.write(os.path.join(src, 'one.txt'), 'one.txt')
        z.write(os.path.join(src, 'sub'), 'sub')
        z.write(os.path.join(src, 'sub', 'two.bin'), 'sub/two.bin',
                compress_type=zipfile.ZIP_STORED)
        print(repr(z)[-11:])
    print(repr(z))
    print(zipfile.is_zipfile(archive), zipfile.is_zipfile(os.path.join(src, 'one.txt')))
    with zipfile.ZipFile(archive) as z:
        for zi in z.infolist():
            print(zi.filename, zi.is_dir(), zi.file_size, zi.compress_type, hex(zi.CRC),
                  zi.external_attr & 0xFFFF)
        dest = os.path.join(tmp, 'dest')
        z.extractall(dest)
        print(sorted(os.listdir(dest)), sorted(os.listdir(os.path.join(dest, 'sub'))))
        with open(os.path.join(dest, 'sub', 'two.bin'), 'rb') as f:
            print(f.read() == bytes(range(200)))
        target = z.extract('one.txt', os.path.join(tmp, 'single'))
        print(os.path.relpath(target, tmp))
        z.extractall(os.path.join(tmp, 'some'), members=['sub/two.bin'])
        print(os.listdir(os.path.join(tmp, 'some')))

    # Unsafe member names are flattened inside the target directory.
    evil = io.BytesIO()
    with zipfile.ZipFile(evil, 'w') as z:
        z.writestr(zipfile.ZipInfo('../../escape.txt', (2020, 1, 1, 0, 0, 0)), b'no')
        z.writestr(zipfile.ZipInfo('/abs/path.txt', (2020, 1, 1, 0, 0, 0)), b'no')
    with zipfile.ZipFile(evil) as z:
        safe = os.path.join(tmp, 'safe')
        print([os.path.relpath(z.extract(n, safe), tmp) for n in z.namelist()])

    try:
        zipfile.ZipFile(archive, 'x')
    except FileExistsError:
        print('FileExistsError for mode x')
    with zipfile.ZipFile(archive, 'a') as z:
        z.writestr(zipfile.ZipInfo('late.txt', (2020, 1, 1, 0, 0, 0)), 'late')
    with zipfile.ZipFile(archive) as z:
        print(z.namelist())

    # Appending to a file that is not an archive puts one after its bytes.
    plain = os.path.join(tmp, 'plain.bin')
    with open(plain, 'wb') as f:
        f.write(b'#!/bin/sh\nprefix bytes\n')
    with zipfile.ZipFile(plain, 'a') as z:
        z.writestr(zipfile.ZipInfo('inside.txt', (2020, 1, 1, 0, 0, 0)), 'inside')
    with zipfile.ZipFile(plain) as z:
        print(z.read('inside.txt'), z.getinfo('inside.txt').header_offset)

    # Damaged data is caught by the CRC check.
    raw = bytearray(open(archive, 'rb').read())
    at = raw.find(b'first file')
    if at < 0:
        with zipfile.ZipFile(archive) as z:
            at = z.getinfo('sub/two.bin').header_offset + 30 + len('sub/two.bin') + 10
    raw[at] ^= 0xFF
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as z:
        print(z.testzip())
        try:
            z.read('sub/two.bin')
        except zipfile.BadZipFile as exc:
            print('BadZipFile:', exc)
finally:
    shutil.rmtree(tmp)


def show(action):
    try:
        action()
    except Exception as exc:
        print(type(exc).__name__ + ':', exc)


show(lambda: zipfile.ZipFile(io.BytesIO(b'not a zip file at all')))
show(lambda: zipfile.ZipFile(io.BytesIO(), 'q'))
show(lambda: zipfile.ZipFile(io.BytesIO(), 'w', compression=99))
show(lambda: zipfile.ZipFile(io.BytesIO(CPYTHON_ZIP)).getinfo('missing'))
show(lambda: zipfile.ZipFile(io.BytesIO(CPYTHON_ZIP)).writestr('x', b'y'))
show(lambda: zipfile.ZipFile(io.BytesIO(CPYTHON_ZIP)).open('readme.txt', 'rw'))
show(lambda: zipfile.ZipInfo('old', (1979, 12, 31, 0, 0, 0)))
z = zipfile.ZipFile(io.BytesIO(CPYTHON_ZIP))
z.close()
show(lambda: z.read('readme.txt'))
w = zipfile.ZipFile(io.BytesIO(), 'w')
w.close()
show(lambda: w.writestr('a', b'b'))
show(lambda: setattr(zipfile.ZipFile(io.BytesIO(), 'w'), 'comment', 'text'))
print(zipfile.BadZipfile is zipfile.BadZipFile, zipfile.error is zipfile.BadZipFile)
print(zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
print(zipfile.ZipInfo('x').date_time, zipfile.ZipInfo('a\0junk').filename)
