# mimetypes: guessing types and extensions, encodings, data: URLs, the loose
# table, add_type and a private MimeTypes database read from a file.
import mimetypes
import os
import shutil
import tempfile

# Only the built-in table: the machine's /etc/mime.types (present or not,
# and differing between systems) must not change the expected output.
mimetypes.knownfiles = []
print(mimetypes.inited)
print(mimetypes.types_map['.html'], mimetypes.common_types['.rtf'])
for name in ['index.html', 'INDEX.HTML', 'photo.jpeg', 'archive.tar.gz', 'a.tgz',
             'data.json', 'notes.txt', 'script.py', 'doc.pdf', 'x.svgz', 'x.csv',
             'pic.PNG', 'mov.mp4', 'file.unknownext', 'noext', 'dir.d/file',
             'https://example.com/a/b.css', 'https://example.com/b.png?x=1',
             'file.tar.bz2', 'file.tar.xz', 'f.Z', 'f.z', 'a.gz',
             'data:text/csv;base64,AAAA', 'data:,hello', 'data:foo', 'data:a=b,x',
             'rich.rtf', 'pic.pict', 'song.mid', 'image.webp', 'page.xul',
             'prog.exe', 'code.c', 'a.wasm', 'img.svg', 'style.CSS']:
    print(repr(name), mimetypes.guess_type(name), mimetypes.guess_type(name, strict=False))
print(mimetypes.inited)
for mime in ['text/html', 'image/jpeg', 'TEXT/PLAIN', 'application/pdf', 'image/png',
             'application/json', 'video/mp4', 'text/css', 'audio/mpeg', 'no/such',
             'application/rtf', 'image/pict']:
    print(mime, mimetypes.guess_extension(mime), mimetypes.guess_extension(mime, strict=False))
print(mimetypes.guess_all_extensions('image/jpeg')[:3])
print(mimetypes.guess_all_extensions('image/pict', strict=False))
print(mimetypes.guess_all_extensions('no/such'))

mimetypes.add_type('application/x-gilpy-test', '.gptest')
print(mimetypes.guess_type('a.gptest'), mimetypes.guess_extension('application/x-gilpy-test'))
mimetypes.add_type('application/x-loose-test', '.loosetest', strict=False)
print(mimetypes.guess_type('a.loosetest'), mimetypes.guess_type('a.loosetest', strict=False))
print(mimetypes.types_map['.gptest'])

tmp = tempfile.mkdtemp()
try:
    path = os.path.join(tmp, 'my.types')
    with open(path, 'w') as f:
        f.write('# comment line\n'
                'application/x-first   one two   # trailing comment\n'
                '\n'
                'text/x-second three\n'
                'text/html myhtml\n')
    db = mimetypes.MimeTypes([path])
    print(db.guess_type('f.one'), db.guess_type('f.two'), db.guess_type('f.three'))
    print(db.guess_all_extensions('application/x-first'), db.guess_extension('text/html'))
    print(db.guess_type('f.myhtml'), db.guess_type('f.gptest'))
    table = mimetypes.read_mime_types(path)
    print(table['.three'], table['.html'])
    print(mimetypes.read_mime_types(os.path.join(tmp, 'missing.types')))
    mimetypes.init([path])
    print(mimetypes.guess_type('x.three'), mimetypes.guess_type('x.gptest'))
finally:
    shutil.rmtree(tmp)
print(mimetypes.suffix_map['.tgz'], mimetypes.encodings_map['.bz2'])
