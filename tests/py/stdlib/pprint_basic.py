# pprint/pformat of nested containers at several widths, indents and depths.
import pprint

data = {
    'name': 'gilpy conformance data',
    'numbers': list(range(30)),
    'nested': {'alpha': [1, 2, {'x': (1, 2, 3), 'y': [4, 5, 6] * 4}],
               'beta': ('a tuple that is fairly long', 'and another item', 42),
               'gamma': {'deep': {'deeper': {'deepest': list(range(12))}}}},
    'empty': [[], {}, (), set(), frozenset(), ''],
    'single': (1,),
    'floats': [0.1, 1e100, -2.5, float('inf')],
    'bools': [True, False, None],
    'bytes': b'some bytes',
    3: 'int key',
    (1, 2): 'tuple key',
}
for width in (80, 60, 40, 20, 1):
    print('--- width', width)
    pprint.pprint(data, width=width)
for indent in (0, 2, 4):
    print('--- indent', indent)
    pprint.pprint(data['nested'], indent=indent, width=30)
for depth in (1, 2, 3):
    print('--- depth', depth)
    pprint.pprint(data, depth=depth)
    print(pprint.pformat(data['nested'], depth=depth, width=200))
print('--- compact')
pprint.pprint(list(range(100)), compact=True)
pprint.pprint([list(range(8))] * 6, compact=True, width=40)
pprint.pprint([['a' * 10] * 3, 'b' * 30, ('c',) * 5] * 2, compact=True, width=35)
pprint.pprint(list(range(40)), compact=True, indent=3, width=50)
print('--- sort_dicts False / pp')
d = {'zebra': list(range(20)), 'apple': 'fruit' * 10, 'mango': {'b': 1, 'a': 2}}
pprint.pprint(d, sort_dicts=False)
pprint.pp(d)
pprint.pp(d, width=30, sort_dicts=True)
print('--- underscore_numbers')
pprint.pprint([10 ** 6, -1234567, 12, 10 ** 20, 1.5e6, True], underscore_numbers=True)
pprint.pprint({10 ** 9: [2 ** 40] * 5}, underscore_numbers=True, width=30)
print('--- sets')
pprint.pprint(set(range(30)))
pprint.pprint(frozenset(range(25, 0, -1)), width=30)
pprint.pprint({'s': {'pear', 'apple', 'fig', 'banana', 'kiwi', 'cherry'}}, width=30)
pprint.pprint([{3, 1, 2}, frozenset({20, 10})])
print('--- mixed keys')
pprint.pprint({1: 'a', 'b': 2, (3,): None, None: 0.5, 2.5: []}, width=20)
print(pprint.pformat({'b': 1, 'a': 2, 'c': [3, 2, 1]}))
print(repr(pprint.pformat('short')), repr(pprint.pformat(12)))
print('--- tuples')
pprint.pprint(tuple(range(30)), width=30)
pprint.pprint(((1, 2), (3,), ('x' * 40,)), width=30)
pprint.pprint([(i, str(i) * i) for i in range(12)], width=40)
