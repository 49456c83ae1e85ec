"""Facts about the machine, the operating system and this interpreter.

Design notes
------------
Everything here is read from what the interpreter already knows, never
guessed: os.uname() for the system, node, release, version and machine;
sys.implementation, sys.version and sys.version_info for the Python side.
python_implementation() reports sys.implementation.name (with the usual
capitalisation for the implementations that have one), so under gilpy it is
'gilpy', not 'CPython'.

The C library version has no direct source here (gilpy has no os.confstr),
so libc_ver() looks for the GNU C library mapped into this process
(/proc/self/maps) and reads the version from its banner; it answers
('', '') when that fails, as CPython does on systems without glibc.

uname() results are computed once and cached, like CPython's; processor()
is left empty on Linux unless /proc/cpuinfo says otherwise, since running
`uname -p` is rarely informative.

Left out: the Windows, macOS and Java queries answer with their "unknown"
defaults.
"""

import collections
import os
import re
import struct
import sys

__version__ = '1.0.8'

_UNAME_FIELDS = ('system', 'node', 'release', 'version', 'machine')


class uname_result(collections.namedtuple('uname_result_base', _UNAME_FIELDS)):
    """uname() as a tuple of five fields, plus the processor as an attribute."""

    _fields = _UNAME_FIELDS + ('processor',)

    @property
    def processor(self):
        return _processor_name()

    def __iter__(self):
        yield from tuple.__iter__(self)
        yield self.processor

    def __len__(self):
        return len(tuple(iter(self)))

    def __getitem__(self, key):
        return tuple(iter(self))[key]

    def __repr__(self):
        pairs = ', '.join('%s=%r' % (name, value)
                          for name, value in zip(_UNAME_FIELDS, tuple.__iter__(self)))
        return 'uname_result(%s)' % pairs

    def __reduce__(self):
        return uname_result, tuple(tuple.__iter__(self))


_cached_uname = None


def uname():
    """(system, node, release, version, machine) of the running system."""
    global _cached_uname
    if _cached_uname is None:
        try:
            info = os.uname()
            fields = (info.sysname, info.nodename, info.release, info.version, info.machine)
        except (AttributeError, OSError):
            fields = ('', '', '', '', '')
        _cached_uname = uname_result(*fields)
    return _cached_uname


def system():
    """The OS name, such as 'Linux' or 'Darwin'; '' when unknown."""
    return uname().system


def node():
    """The network name of this machine; '' when unknown."""
    return uname().node


def release():
    """The OS release, such as '6.1.0'; '' when unknown."""
    return uname().release


def version():
    """The OS version string; '' when unknown."""
    return uname().version


def machine():
    """The hardware type, such as 'x86_64'; '' when unknown."""
    return uname().machine


def _processor_name():
    # Linux rarely gives more than the machine name; keep it empty.
    return ''


def processor():
    """The processor name; often '' (it is on Linux)."""
    return _processor_name()


# --- The interpreter ----------------------------------------------------------------

_IMPLEMENTATION_NAMES = {'cpython': 'CPython', 'pypy': 'PyPy',
                         'ironpython': 'IronPython', 'jython': 'Jython'}


def python_implementation():
    """The implementation's name: 'CPython', 'PyPy', ... or 'gilpy' here."""
    name = sys.implementation.name
    return _IMPLEMENTATION_NAMES.get(name, name)


def python_version_tuple():
    """(major, minor, patchlevel) of the Python language version, as strings."""
    info = sys.version_info
    return (str(info[0]), str(info[1]), str(info[2]))


def python_version():
    """The Python language version as 'major.minor.patchlevel'."""
    return '.'.join(python_version_tuple())


def _version_parts():
    # sys.version is "X.Y.Z (build, date) [compiler]".
    found = re.match(r'([\w.+]+)\s*\(([^)]*)\)\s*\[([^\]]*)\]', sys.version)
    if found is None:
        return '', '', ''
    return found.group(1), found.group(2), found.group(3)


def python_build():
    """(build name, build date) from sys.version."""
    build = _version_parts()[1]
    name, _, date = build.partition(',')
    return name.strip(), date.strip()


def python_compiler():
    """The compiler the interpreter was built with, from sys.version."""
    return _version_parts()[2]


def python_branch():
    return ''


def python_revision():
    return ''


# --- Binaries and the C library ------------------------------------------------------

def architecture(executable=sys.executable, bits='', linkage=''):
    """(bits, linkage) of [executable], e.g. ('64bit', 'ELF')."""
    if not bits:
        bits = '%dbit' % (struct.calcsize('P') * 8)
    if not linkage and executable:
        try:
            with open(executable, 'rb') as f:
                magic = f.read(4)
        except OSError:
            magic = b''
        if magic == b'\x7fELF':
            linkage = 'ELF'
    return bits, linkage


def _mapped_libc():
    # The path of the C library this process runs on, from its memory map.
    try:
        with open('/proc/self/maps') as f:
            for line in f:
                path = line.split()[-1] if line.strip() else ''
                name = os.path.basename(path)
                if name.startswith('libc.so') or re.match(r'libc-[\d.]+\.so', name):
                    return path
    except OSError:
        pass
    return None


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    """(library, version) of the C library, such as ('glibc', '2.36')."""
    path = _mapped_libc()
    if path is None:
        return lib, version
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError:
        return lib, version
    banner = re.search(rb'GNU C Library[^\n]*?version (\d+\.\d+(?:\.\d+)?)', data)
    if banner is None:
        return lib, version
    return 'glibc', banner.group(1).decode('ascii')


def freedesktop_os_release():
    """The fields of /etc/os-release (or /usr/lib/os-release) as a dict."""
    for path in ('/etc/os-release', '/usr/lib/os-release'):
        try:
            with open(path, encoding='utf-8') as f:
                text = f.read()
        except OSError:
            continue
        info = {'NAME': 'Linux', 'ID': 'linux', 'PRETTY_NAME': 'Linux'}
        for line in text.splitlines():
            key, sep, value = line.partition('=')
            key = key.strip()
            if not sep or not re.match(r'[A-Za-z_][A-Za-z0-9_]*$', key):
                continue
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in '"\'':
                value = value[1:-1]
            info[key] = re.sub(r'\\([$"\'\\`])', r'\1', value)
        return info
    raise OSError(2, 'No such file or directory', '/etc/os-release')


def platform(aliased=False, terse=False):
    """One line naming the platform, e.g. 'Linux-6.1.0-x86_64-with-glibc2.36'."""
    info = uname()
    if info.system == 'Linux':
        # On Linux the C library is part of the identity, terse or not.
        parts = [info.system, info.release, info.machine]
        lib, libversion = libc_ver()
        if lib:
            parts += ['with', lib + libversion]
    elif terse:
        parts = [info.system, info.release]
    else:
        parts = [info.system, info.release, info.machine]
    text = '-'.join(part for part in parts if part)
    # Characters that would make the name awkward in a file name.
    return re.sub(r'[ /\\:;"()]', '_', text).replace('--', '-')


# --- Other systems ---------------------------------------------------------------

def mac_ver(release='', versioninfo=('', '', ''), machine=''):
    return release, versioninfo, machine


def win32_ver(release='', version='', csd='', ptype=''):
    return release, version, csd, ptype


def win32_edition():
    return None


def win32_is_iot():
    return False


def java_ver(release='', vendor='', vminfo=('', '', ''), osinfo=('', '', '')):
    return release, vendor, vminfo, osinfo


def system_alias(system, release, version):
    return system, release, version
