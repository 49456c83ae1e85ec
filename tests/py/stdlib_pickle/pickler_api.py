# The Pickler/Unpickler classes and module functions: persistent ids,
# dispatch tables, reducer_override, copyreg registrations and extension
# codes, several pickles in one file, find_class overrides, and the errors.
import copyreg
import io
import pickle


class Record:
    def __init__(self, key):
        self.key = key


class DBPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Record):
            return 'record:%s' % obj.key
        return None


class DBUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        kind, key = pid.split(':')
        return 'loaded %s %s' % (kind, key)


for proto in (0, 2, 4, 5):
    buf = io.BytesIO()
    DBPickler(buf, proto).dump([Record(1), 'plain', Record('x')])
    if proto == 2:
        print(buf.getvalue())
    buf.seek(0)
    print(proto, DBUnpickler(buf).load())

# A persistent id on an Unpickler without persistent_load.
data = pickle.dumps(1)
buf = io.BytesIO()
DBPickler(buf, 2).dump(Record(5))
try:
    pickle.loads(buf.getvalue())
except pickle.UnpicklingError as e:
    print('UnpicklingError:', e)


class Temperature:
    def __init__(self, degrees):
        self.degrees = degrees


def reduce_temperature(t):
    return Temperature, (t.degrees + 1000,)


class TablePickler(pickle.Pickler):
    dispatch_table = {Temperature: reduce_temperature}


buf = io.BytesIO()
TablePickler(buf, 3).dump(Temperature(5))
print('dispatch_table:', pickle.loads(buf.getvalue()).degrees)
print('plain:', pickle.loads(pickle.dumps(Temperature(5))).degrees)

copyreg.pickle(Temperature, lambda t: (Temperature, (-t.degrees,)))
print('copyreg.pickle:', pickle.loads(pickle.dumps(Temperature(7))).degrees)
del copyreg.dispatch_table[Temperature]
try:
    copyreg.pickle(Temperature, 5)
except TypeError as e:
    print('TypeError:', e)


class OverridePickler(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, int) and not isinstance(obj, bool) and obj > 100:
            return str, ('big',)
        return NotImplemented


buf = io.BytesIO()
OverridePickler(buf, 4).dump([1, 1000, Temperature(3)])
out = pickle.loads(buf.getvalue())
print('reducer_override:', out[:2], out[2].degrees)

# Extension codes shorten globals from protocol 2 on.
copyreg.add_extension(__name__, 'Temperature', 240)
copyreg.add_extension(__name__, 'Record', 70000)
for proto in (1, 2, 4):
    data = pickle.dumps([Temperature, Record], proto)
    print('ext', proto, data, pickle.loads(data) == [Temperature, Record])
try:
    copyreg.add_extension(__name__, 'Record', 71)
except ValueError as e:
    print('ValueError:', e)
copyreg.remove_extension(__name__, 'Temperature', 240)
copyreg.remove_extension(__name__, 'Record', 70000)
try:
    pickle.loads(b'\x80\x02\x82\xf0.')
except ValueError as e:
    print('ValueError:', e)

# Several pickles in one file are read back one at a time.
buf = io.BytesIO()
for proto in range(6):
    pickle.dump({'proto': proto, 'data': [proto] * 3}, buf, proto)
buf.write(b'tail')
buf.seek(0)
for proto in range(6):
    print(pickle.load(buf))
print('left:', buf.read())

# One Pickler, several dumps: the memo carries over until clear_memo().
buf = io.BytesIO()
p = pickle.Pickler(buf, 2)
shared = ['s']
p.dump(shared)
p.dump(shared)
p.clear_memo()
p.dump(shared)
print(buf.getvalue())
buf.seek(0)
u = pickle.Unpickler(buf)
a, b, c = u.load(), u.load(), u.load()
print(a is b, a is c)


class SafeUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if module == 'builtins' and name in ('set', 'frozenset'):
            return super().find_class(module, name)
        raise pickle.UnpicklingError('global %s.%s is forbidden' % (module, name))


print(SafeUnpickler(io.BytesIO(pickle.dumps({1, 2}, 3))).load())
try:
    SafeUnpickler(io.BytesIO(pickle.dumps(Temperature, 2))).load()
except pickle.UnpicklingError as e:
    print('UnpicklingError:', e)


# Errors while pickling.
def local_factory():
    def inner():
        pass

    class Local:
        pass
    return inner, Local


def attempt(label, func):
    try:
        func()
        print(label, 'no error')
    except Exception as e:
        print(label, type(e).__name__, e)


class BadReduce:
    def __init__(self, result):
        self.result = result

    def __reduce__(self):
        return self.result


inner, Local = local_factory()
attempt('local function', lambda: pickle.dumps(inner))
attempt('local class', lambda: pickle.dumps(Local, 0))
attempt('local instance', lambda: pickle.dumps(Local()))
attempt('generator', lambda: pickle.dumps(x for x in ()))
attempt('module', lambda: pickle.dumps(io))
attempt('reduce int', lambda: pickle.dumps(BadReduce(5)))
attempt('reduce short', lambda: pickle.dumps(BadReduce((1,))))
attempt('reduce func', lambda: pickle.dumps(BadReduce((1, ()))))
attempt('reduce args', lambda: pickle.dumps(BadReduce((list, []))))
attempt('protocol 6', lambda: pickle.dumps(1, 6))
attempt('no write', lambda: pickle.dump(1, 5))
attempt('loads str', lambda: pickle.loads('abc'))
attempt('load no read', lambda: pickle.load(5))
print('protocol -1:', pickle.dumps(1, -1))
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, pickle.format_version)
print(issubclass(pickle.PicklingError, pickle.PickleError),
      issubclass(pickle.UnpicklingError, pickle.PickleError),
      issubclass(pickle.PickleError, Exception))
