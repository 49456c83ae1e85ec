# json.loads and json.dumps of a ~1 MB document of records (ints, floats,
# ASCII and non-ASCII strings, nested lists and dicts), plus indented dumps.
# Prints each phase and `elapsed` (the sum); runs under gilpy and CPython.
import json
import time


def make_document(n):
    records = []
    for i in range(n):
        records.append({
            'id': i,
            'name': 'user%05d' % i,
            'email': 'user%d@example.com' % i,
            'score': i * 1.25 + 0.1,
            'ratio': (i % 97) / 7.0,
            'active': i % 3 == 0,
            'tags': ['alpha', 'beta', 'gamma'][:i % 4],
            'city': ['Zürich', 'Москва', '東京', 'Paris'][i % 4],
            'note': 'line one\nline "two"\t%d' % i if i % 5 == 0 else None,
            'nested': {'a': i % 10, 'b': [i, i + 1, -i], 'c': {'deep': i % 2 == 0}},
        })
    return {'version': 2, 'records': records}


def best_of(runs, fn):
    best = None
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        t = time.perf_counter() - t0
        best = t if best is None or t < best else best
    return best


doc = make_document(3800)
text = json.dumps(doc)
text_utf8 = json.dumps(doc, ensure_ascii=False)
assert json.loads(text) == doc
print('document bytes', len(text))

phases = [
    ('loads', lambda: json.loads(text)),
    ('loads non-ascii', lambda: json.loads(text_utf8)),
    ('dumps', lambda: json.dumps(doc)),
    ('dumps ensure_ascii=False', lambda: json.dumps(doc, ensure_ascii=False)),
    ('dumps indent=2 sort_keys', lambda: json.dumps(doc, indent=2, sort_keys=True)),
]
total = 0.0
for name, fn in phases:
    t = best_of(5, fn)
    total += t
    print('%-26s %.4f s' % (name, t))
print('elapsed', total)
