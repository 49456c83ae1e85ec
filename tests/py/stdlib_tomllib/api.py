# tomllib's API around the parser: load() from binary files only,
# parse_float, the exception type, what a non-str document raises.
import decimal
import os
import tempfile
import tomllib

print(tomllib.TOMLDecodeError.__module__, issubclass(tomllib.TOMLDecodeError, ValueError))
print(sorted(tomllib.__all__))

doc = 'pi = 3.14159\nbig = 1e400\nn = -inf\nlist = [0.1, 0.2]\nint = 7\n'
print(tomllib.loads(doc))
print(tomllib.loads(doc, parse_float=decimal.Decimal))
print(tomllib.loads(doc, parse_float=str))
try:
    tomllib.loads(doc, parse_float=lambda s: [s])
except ValueError as e:
    print('ValueError:', e)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'conf.toml')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('[tool.gilpy]\nname = "g\u00eflpy"\nthreads = 4\n')
    with open(path, 'rb') as f:
        print(tomllib.load(f))
    with open(path, encoding='utf-8') as f:
        try:
            tomllib.load(f)
        except TypeError as e:
            print('TypeError:', e)
    with open(path, 'wb') as f:
        f.write(b'a = "\xff"\n')
    with open(path, 'rb') as f:
        try:
            tomllib.load(f)
        except UnicodeDecodeError as e:
            print('UnicodeDecodeError:', e.reason)

for bad in (b'a = 1', None):
    try:
        tomllib.loads(bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ':', e)
try:
    tomllib.loads('a = 1', float)
except TypeError as e:
    print('TypeError:', e)
# Keys of every kind, and a value that is a key's prefix elsewhere.
print(tomllib.loads('a.b.c = 1\na.b.d = 2\n"a".e = 3\n[x."y.z"]\n\'w\' = 4\n'))
