# Very deep nesting: RecursionError with CPython's messages; moderate depth works.
import json
for doc in ['[' * 100000, '{"a":' * 100000, '[' * 100000 + ']' * 100000]:
    try:
        json.loads(doc)
    except RecursionError as e:
        print('RecursionError', e)
print(len(json.dumps(json.loads('[' * 200 + ']' * 200))))
l = []
for i in range(100000):
    l = [l]
try:
    json.dumps(l)
except RecursionError as e:
    print('RecursionError', e)
d = {}
for i in range(100000):
    d = {'k': d}
try:
    json.dumps(d)
except RecursionError as e:
    print('RecursionError', e)
try:
    json.dumps(l, indent=1)
except RecursionError as e:
    print('RecursionError', e)
a = [1]
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print('ValueError', e)
try:
    json.dumps(a, check_circular=False)
except RecursionError as e:
    print('RecursionError', e)
import io
try:
    json.dump(l, io.StringIO())
except RecursionError as e:
    print('RecursionError', e)
for v in [[float('nan')], {'k': float('-inf')}]:
    try:
        json.dump(v, io.StringIO(), allow_nan=False)
    except ValueError as e:
        print('ValueError', e)
