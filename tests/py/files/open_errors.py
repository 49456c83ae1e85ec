# The errors open() raises, with CPython's messages.
import io
import os

d = '_tmp_open_errors_%d' % os.getpid()
os.mkdir(d)
p = os.path.join(d, 'f.txt')
open(p, 'w').close()
for bad in ('z', 'rw', 'rr', 'rbt', '', 'U', 'r+w'):
    try:
        open(p, bad)
    except ValueError as e:
        print(repr(bad), e)
for kw in ({'encoding': 'utf-8'}, {'errors': 'strict'}, {'newline': ''}):
    try:
        open(p, 'rb', **kw)
    except ValueError as e:
        print(e)
try:
    open(p, newline='x')
except ValueError as e:
    print(e)
try:
    open(p, encoding='no-such-codec')
except LookupError as e:
    print(e)
try:
    open(p, 'r', buffering=0)
except ValueError as e:
    print(e)
try:
    open(p, 5)
except TypeError as e:
    print(e)
try:
    open(3.5)
except TypeError as e:
    print(e)
try:
    open(os.path.join(d, 'missing.txt'))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, os.path.basename(e.filename))
    print(str(e).replace(d, 'D'))
try:
    open(os.path.join(d, 'no', 'such', 'dir'), 'w')
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
try:
    open(d)
except IsADirectoryError as e:
    print(type(e).__name__, e.errno, str(e).replace(d, 'D'))
try:
    open(d, 'w')
except IsADirectoryError as e:
    print(type(e).__name__, e.errno, str(e).replace(d, 'D'))
try:
    open('a\0b')
except ValueError as e:
    print(e)
os.remove(p)
os.rmdir(d)
