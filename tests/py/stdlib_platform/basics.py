# platform: the values must agree with os.uname() and sys; the output is
# only what is the same on every machine and under both interpreters.
import os
import platform
import sys

u = platform.uname()
names = os.uname()
print(type(u).__name__, len(u), u._fields)
print(tuple(u)[:5] == (names.sysname, names.nodename, names.release, names.version, names.machine))
print(u.system == platform.system() == 'Linux', u.node == platform.node(),
      u.release == platform.release(), u.version == platform.version(),
      u.machine == platform.machine(), u[0] == u.system, isinstance(platform.processor(), str))
print(repr(u).startswith("uname_result(system='Linux', node="))
print(platform.uname() is platform.uname() or platform.uname() == u)
major, minor, patch = platform.python_version_tuple()
print((int(major), int(minor), int(patch)) == tuple(sys.version_info[:3]))
print(platform.python_version() == '%s.%s.%s' % (major, minor, patch))
impl = platform.python_implementation()
print(isinstance(impl, str) and impl.lower() == sys.implementation.name)
build = platform.python_build()
print(type(build).__name__, len(build), all(isinstance(x, str) for x in build))
print(platform.python_compiler() in sys.version)
print(platform.architecture())
lib, version = platform.libc_ver()
print(lib, version.count('.') >= 1)
text = platform.platform()
print(text.startswith('Linux-' + u.release + '-' + u.machine), '-with-glibc' in text)
print(platform.platform(terse=True) == text)
print(platform.mac_ver(), platform.win32_ver(), platform.java_ver())
print(isinstance(platform.freedesktop_os_release().get('ID'), str))
