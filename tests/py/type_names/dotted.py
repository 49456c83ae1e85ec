# C types that live in modules: repr, __module__, __qualname__, and the
# dotted names CPython's error messages use (its tp_name).
import collections
import functools
import io
import itertools
import operator
import re
import socket
import struct
import _thread

types_ = [collections.deque, collections.defaultdict, collections.OrderedDict,
          collections.Counter, itertools.count, itertools.chain, itertools.islice,
          itertools.product, itertools.permutations, itertools.combinations, itertools.repeat,
          itertools.cycle, itertools.groupby, itertools.accumulate, itertools.zip_longest,
          itertools.starmap, itertools.takewhile, itertools.dropwhile, itertools.compress,
          itertools.filterfalse, itertools.pairwise, functools.partial, re.Pattern, re.Match,
          _thread.LockType, type(_thread.RLock()), socket.socket, io.BytesIO, io.StringIO,
          io.TextIOWrapper, io.BufferedReader, io.FileIO, struct.Struct, operator.itemgetter,
          operator.attrgetter, operator.methodcaller, memoryview, int, type, object]
for T in types_:
    print(repr(T), T.__module__, T.__qualname__, T.__name__)


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


d = collections.deque()
t(lambda: d.nope)
t(lambda: d + 1)
t(lambda: 1 - d)
t(lambda: hash(d))
t(lambda: d < 1)
t(lambda: len(itertools.count()))
t(lambda: itertools.count().x)
t(lambda: itertools.chain() + 1)
t(lambda: re.compile('a').zz)
t(lambda: _thread.allocate_lock().q)
t(lambda: collections.deque.x)
t(lambda: operator.itemgetter(1).q)
t(lambda: struct.Struct('i').q)
t(lambda: io.BytesIO().q)
t(lambda: pow(d, 2, 3))
t(lambda: memoryview(b'').q)
t(lambda: [].q)


class Mine:
    pass


t(lambda: Mine().q)
t(lambda: Mine() + 1)
