"""mimetypes: guessing a file's MIME type from its name, and back.

Design notes
------------
The knowledge is two tables from file extension to MIME type: the strict
one (types registered with IANA) and a loose one of common unofficial
types, each with an inverse from type to its extensions in the order they
were added, so that guess_extension() gives the preferred one first. A
MimeTypes object holds one such database; the module functions use a
shared one made by init().

The built-in tables below use the layout of a mime.types file (a type,
then its extensions), which is also what read() parses. init() starts
from them and then reads every file of `knownfiles` that exists (on
Debian, /etc/mime.types), later entries replacing earlier ones for the
same extension, as CPython does. Before init() runs, the module-level
types_map and friends hold the built-in tables alone.

guess_type() first strips a URL scheme (a data: URL answers with its
declared type), then unwraps compound suffixes (.tgz is .tar.gz), takes a
compression suffix as the encoding, and looks the remaining extension up
case-insensitively. gilpy has no Windows registry to read.
"""

import os
import posixpath

__all__ = [
    'knownfiles', 'inited', 'MimeTypes', 'guess_type', 'guess_all_extensions',
    'guess_extension', 'add_type', 'init', 'read_mime_types', 'suffix_map',
    'encodings_map', 'types_map', 'common_types',
]

knownfiles = [
    '/etc/mime.types',
    '/etc/httpd/mime.types',
    '/etc/httpd/conf/mime.types',
    '/etc/apache/mime.types',
    '/etc/apache2/mime.types',
    '/usr/local/etc/httpd/conf/mime.types',
    '/usr/local/lib/netscape/mime.types',
    '/usr/local/etc/httpd/conf/mime.types',
    '/usr/local/etc/mime.types',
]

inited = False
_db = None

# Registered types, in mime.types layout: the first extension of a type is
# the one guess_extension() prefers.
_STRICT_TABLE = """
application/javascript          js mjs
application/json                json
application/manifest+json       webmanifest
application/msword              doc dot wiz
application/n-quads             nq
application/n-triples           nt
application/octet-stream        bin a dll exe o obj so
application/oda                 oda
application/pdf                 pdf
application/pkcs7-mime          p7c
application/postscript          ps ai eps
application/trig                trig
application/vnd.apple.mpegurl   m3u m3u8
application/vnd.ms-excel        xls xlb
application/vnd.ms-powerpoint   ppt pot ppa pps pwz
application/wasm                wasm
application/x-bcpio             bcpio
application/x-cpio              cpio
application/x-csh               csh
application/x-dvi               dvi
application/x-gtar              gtar
application/x-hdf               hdf
application/x-hdf5              h5
application/x-latex             latex
application/x-mif               mif
application/x-netcdf            cdf nc
application/x-pkcs12            p12 pfx
application/x-pn-realaudio      ram
application/x-python-code       pyc pyo
application/x-sh                sh
application/x-shar              shar
application/x-shockwave-flash   swf
application/x-sv4cpio           sv4cpio
application/x-sv4crc            sv4crc
application/x-tar               tar
application/x-tcl               tcl
application/x-tex               tex
application/x-texinfo           texi texinfo
application/x-troff             roff t tr
application/x-troff-man         man
application/x-troff-me          me
application/x-troff-ms          ms
application/x-ustar             ustar
application/x-wais-source       src
application/xml                 xsl rdf wsdl xpdl
application/zip                 zip
audio/3gpp                      3gp 3gpp
audio/3gpp2                     3g2 3gpp2
audio/aac                       aac adts loas ass
audio/basic                     au snd
audio/mpeg                      mp3 mp2
audio/opus                      opus
audio/x-aiff                    aif aifc aiff
audio/x-pn-realaudio            ra
audio/x-wav                     wav
image/avif                      avif
image/bmp                       bmp
image/gif                       gif
image/ief                       ief
image/jpeg                      jpg jpe jpeg
image/heic                      heic
image/heif                      heif
image/png                       png
image/svg+xml                   svg
image/tiff                      tiff tif
image/vnd.microsoft.icon        ico
image/x-cmu-raster              ras
image/x-portable-anymap         pnm
image/x-portable-bitmap         pbm
image/x-portable-graymap        pgm
image/x-portable-pixmap         ppm
image/x-rgb                     rgb
image/x-xbitmap                 xbm
image/x-xpixmap                 xpm
image/x-xwindowdump             xwd
message/rfc822                  eml mht mhtml nws
text/css                        css
text/csv                        csv
text/html                       html htm
text/n3                         n3
text/plain                      txt bat c h ksh pl srt
text/richtext                   rtx
text/tab-separated-values       tsv
text/vtt                        vtt
text/x-python                   py
text/x-setext                   etx
text/x-sgml                     sgm sgml
text/x-vcard                    vcf
text/xml                        xml
video/mp4                       mp4
video/mpeg                      mpeg m1v mpa mpe mpg
video/quicktime                 mov qt
video/webm                      webm
video/x-msvideo                 avi
video/x-sgi-movie               movie
"""

# Unregistered but common types, consulted only when strict=False.
_LOOSE_TABLE = """
application/rtf                 rtf
audio/midi                      midi mid
image/jpg                       jpg
image/pict                      pict pct pic
image/webp                      webp
text/xul                        xul
"""

# Compression suffixes and the encodings they stand for; case matters here.
_ENCODINGS = {'.gz': 'gzip', '.Z': 'compress', '.bz2': 'bzip2', '.xz': 'xz', '.br': 'br'}

# Short suffixes that abbreviate two.
_ABBREVIATIONS = {
    '.svgz': '.svg.gz', '.tgz': '.tar.gz', '.taz': '.tar.gz', '.tz': '.tar.gz',
    '.tbz2': '.tar.bz2', '.txz': '.tar.xz',
}


def _table_pairs(table):
    """(extension, type) pairs of a mime.types style text, in order."""
    for line in table.splitlines():
        words = line.split('#', 1)[0].split()
        for word in words[1:]:
            yield '.' + word, words[0]


def _split_scheme(url):
    """(scheme, rest) when [url] starts with 'scheme:', else (None, url)."""
    colon = url.find(':')
    if colon > 0 and '/' not in url[:colon]:
        return url[:colon].lower(), url[colon + 1:]
    return None, url


class MimeTypes:
    """A database of extension to MIME type mappings, strict and loose."""

    def __init__(self, filenames=(), strict=True):
        if not inited:
            init()
        self.encodings_map = dict(_ENCODINGS)
        self.suffix_map = dict(_ABBREVIATIONS)
        self.types_map = ({}, {})
        self.types_map_inv = ({}, {})
        for ext, mime in _table_pairs(_STRICT_TABLE):
            self.add_type(mime, ext, True)
        for ext, mime in _table_pairs(_LOOSE_TABLE):
            self.add_type(mime, ext, False)
        for name in filenames:
            self.read(name, strict)

    def add_type(self, type, ext, strict=True):
        """Maps the extension [ext] (with its dot) to [type]; the type's
        existing preferred extension stays first."""
        self.types_map[strict][ext] = type
        known = self.types_map_inv[strict].setdefault(type, [])
        if ext not in known:
            known.append(ext)

    def guess_type(self, url, strict=True):
        """(type, encoding) guessed from the name or URL [url]; either is
        None when unknown."""
        url = os.fspath(url)
        scheme, rest = _split_scheme(url)
        if scheme == 'data':
            comma = rest.find(',')
            if comma < 0:
                return None, None
            semicolon = rest.find(';', 0, comma)
            declared = rest[:semicolon] if semicolon >= 0 else rest[:comma]
            if '=' in declared or '/' not in declared:
                declared = 'text/plain'
            return declared, None
        stem, ext = posixpath.splitext(rest)
        while ext.lower() in self.suffix_map:
            stem, ext = posixpath.splitext(stem + self.suffix_map[ext.lower()])
        encoding = self.encodings_map.get(ext)
        if encoding is not None:
            stem, ext = posixpath.splitext(stem)
        ext = ext.lower()
        found = self.types_map[True].get(ext)
        if found is None and not strict:
            found = self.types_map[False].get(ext)
        return found, encoding

    def guess_all_extensions(self, type, strict=True):
        """Every extension known for [type], the preferred one first."""
        type = type.lower()
        result = list(self.types_map_inv[True].get(type, []))
        if not strict:
            result.extend(e for e in self.types_map_inv[False].get(type, [])
                          if e not in result)
        return result

    def guess_extension(self, type, strict=True):
        """The preferred extension for [type], or None."""
        candidates = self.guess_all_extensions(type, strict)
        return candidates[0] if candidates else None

    def read(self, filename, strict=True):
        """Adds the mappings of the mime.types file [filename]."""
        with open(filename, encoding='utf-8') as f:
            self.readfp(f, strict)

    def readfp(self, fp, strict=True):
        """Adds the mappings of an open mime.types file."""
        for line in fp:
            words = line.split()
            for index, word in enumerate(words):
                if word.startswith('#'):
                    del words[index:]
                    break
            for suffix in words[1:]:
                self.add_type(words[0], '.' + suffix, strict)

    def read_windows_registry(self, strict=True):
        """There is no Windows registry here; nothing is read."""


def guess_type(url, strict=True):
    """(type, encoding) for the file name or URL [url]."""
    if _db is None:
        init()
    return _db.guess_type(url, strict)


def guess_all_extensions(type, strict=True):
    """The extensions known for the MIME type [type]."""
    if _db is None:
        init()
    return _db.guess_all_extensions(type, strict)


def guess_extension(type, strict=True):
    """The preferred extension for the MIME type [type], or None."""
    if _db is None:
        init()
    return _db.guess_extension(type, strict)


def add_type(type, ext, strict=True):
    """Teaches the shared database that [ext] means [type]."""
    if _db is None:
        init()
    return _db.add_type(type, ext, strict)


def init(files=None):
    """(Re)builds the shared database from the built-in tables and the
    mime.types files that exist among knownfiles and [files]."""
    global inited, _db, types_map, common_types, encodings_map, suffix_map
    inited = True
    if files is None or _db is None:
        db = MimeTypes()
        files = knownfiles if files is None else knownfiles + list(files)
    else:
        db = _db
    for name in files:
        if os.path.isfile(name):
            db.read(name)
    encodings_map = db.encodings_map
    suffix_map = db.suffix_map
    types_map = db.types_map[True]
    common_types = db.types_map[False]
    _db = db


def read_mime_types(file):
    """The strict extension map after reading the mime.types file [file],
    or None when it cannot be opened."""
    try:
        f = open(file, encoding='utf-8')
    except OSError:
        return None
    with f:
        db = MimeTypes()
        db.readfp(f, True)
        return db.types_map[True]


def _built_in_tables():
    global types_map, common_types, encodings_map, suffix_map
    types_map = dict(_table_pairs(_STRICT_TABLE))
    common_types = dict(_table_pairs(_LOOSE_TABLE))
    encodings_map = dict(_ENCODINGS)
    suffix_map = dict(_ABBREVIATIONS)


_built_in_tables()
