# TopologicalSorter orders, the parallel protocol, cycles and errors.
import graphlib
from graphlib import TopologicalSorter, CycleError

graphs = [
    {'D': {'B', 'C'}, 'C': {'A'}, 'B': {'A'}},
    {2: [11], 9: [11, 8, 10], 10: [11, 3], 11: [7, 5], 8: [7, 3]},
    {'a': [], 'b': [], 'c': ['a', 'b']},
    {'x': ['y'], 'y': ['z'], 'z': []},
    {1: [2, 3, 4], 2: [3], 3: [4], 4: []},
    {},
    {'solo': ()},
    {'app': ['lib', 'utils', 'config'], 'lib': ['utils', 'log'], 'utils': ['log'],
     'config': [], 'tests': ['app', 'lib'], 'docs': ['app']},
]
for graph in graphs:
    # Sets of strings iterate in hash order; sort the predecessors to keep
    # the output deterministic.
    graph = {k: sorted(v, key=str) for k, v in graph.items()}
    print(graph)
    print('  static:', list(TopologicalSorter(graph).static_order()))
    ts = TopologicalSorter(graph)
    ts.prepare()
    batches = []
    while ts.is_active():
        ready = ts.get_ready()
        batches.append(ready)
        ts.done(*ready)
    print('  batches:', batches, bool(ts))

ts = TopologicalSorter()
ts.add('build', 'compile', 'link')
ts.add('link', 'compile')
ts.add('compile')
ts.add('test', 'build')
ts.add('build', 'resources')
print(list(ts.static_order()))

# Processing out of order: only done() nodes unlock successors.
ts = TopologicalSorter({'c': ['a', 'b'], 'd': ['a'], 'e': ['c', 'd']})
ts.prepare()
print(ts.get_ready(), ts.get_ready(), ts.is_active())
ts.done('b')
print(ts.get_ready())
ts.done('a')
print(ts.get_ready())
ts.done('d', 'c')
print(ts.get_ready(), ts.is_active())
ts.done('e')
print(ts.get_ready(), ts.is_active(), bool(ts))

for graph in [{'a': ['b'], 'b': ['a']},
              {1: [2], 2: [3], 3: [1]},
              {'x': ['x']},
              {'a': ['b'], 'b': ['c'], 'c': ['d'], 'd': ['b'], 'e': []},
              {0: [1, 2], 1: [3], 2: [3], 3: [4], 4: [2]}]:
    ts = TopologicalSorter(graph)
    try:
        ts.prepare()
    except CycleError as e:
        print('CycleError', e.args[0], e.args[1], str(e) == str(e.args), isinstance(e, ValueError))
        print('  still ready:', ts.get_ready())
    try:
        list(TopologicalSorter(graph).static_order())
    except CycleError as e:
        print('  static_order:', e.args)

def attempt(label, fn, *args):
    try:
        print(label, '->', fn(*args))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

ts = TopologicalSorter({'b': ['a']})
attempt('get_ready before prepare', ts.get_ready)
attempt('is_active before prepare', ts.is_active)
attempt('done before prepare', ts.done, 'a')
attempt('bool before prepare', bool, ts)
ts.prepare()
attempt('prepare twice', ts.prepare)
attempt('add after prepare', ts.add, 'c')
attempt('done unknown', ts.done, 'zzz')
attempt('done not ready', ts.done, 'b')
attempt('done not handed out', ts.done, 'a')
print(ts.get_ready())
ts.done('a')
attempt('done twice', ts.done, 'a')
attempt('unhashable', TopologicalSorter().add, ['list'])
print(TopologicalSorter[str], graphlib.__all__)
print(list(TopologicalSorter({None: [0], 0: []}).static_order()))
chain = {i: [i - 1] for i in range(1, 3000)}
order = list(TopologicalSorter(chain).static_order())
print(len(order), order[:3], order[-1])
chain[0] = [2999]
try:
    TopologicalSorter(chain).prepare()
except CycleError as e:
    print(len(e.args[1]), e.args[1][:3], e.args[1][-2:])
