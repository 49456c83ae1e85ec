# gc.DEBUG_SAVEALL keeps what a collection finds in gc.garbage instead of
# freeing it.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


def make_cycles(n):
    for i in range(n):
        a, b = Node('a%d' % i), Node('b%d' % i)
        a.other, b.other = b, a


gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
make_cycles(5)
found = gc.collect()
nodes = sorted(o.name for o in gc.garbage if isinstance(o, Node))
print(found, nodes)
print(all(o.other.other is o for o in gc.garbage if isinstance(o, Node)))
# Saved objects are alive and reachable now: a second collection finds none.
print(gc.collect())
gc.set_debug(0)
del gc.garbage[:]
make_cycles(3)
print(gc.collect(), gc.garbage)

