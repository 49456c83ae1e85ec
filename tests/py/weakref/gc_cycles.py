# References to objects that die in garbage cycles: cleared by the collector,
# callbacks run unless the reference is garbage itself, before __del__.
import gc
import weakref

gc.disable()
log = []


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


a = Node('a')
b = Node('b')
a.other = b
b.other = a
ra = weakref.ref(a, lambda r: log.append('a died'))
rb = weakref.ref(b, lambda r: log.append('b died'))
del a, b
print(ra() is not None, log)
gc.collect()
print(ra(), rb(), sorted(log))

# A reference that is part of the garbage does not call back.
log.clear()
c = Node('c')
c.other = c
c.ref = weakref.ref(c, lambda r: log.append('self ref called'))
outside = weakref.ref(c, lambda r: log.append('outside called'))
del c
gc.collect()
print(log, outside())


# __del__ runs after the references were cleared, and can no longer
# reach the object through them.
class Finalized:
    def __del__(self):
        log.append(('__del__', self.ref_to_me() is None))

log.clear()
f = Finalized()
f.cycle = f
f.ref_to_me = weakref.ref(f)
watch = weakref.ref(f, lambda r: log.append('callback'))
del f
gc.collect()
print(log, watch())

# A callback may allocate freely while the collector works.
log.clear()
junk = []
def allocating(r):
    junk.extend([Node(str(i)) for i in range(1000)])
    log.append(len(junk))
d = Node('d')
d.other = d
rd = weakref.ref(d, allocating)
del d
gc.collect()
print(log, rd())

# Classes in cycles (every class is one) die through the collector.
class Ephemeral:
    pass
re_ = weakref.ref(Ephemeral, lambda r: log.append('class died'))
del Ephemeral
gc.collect()
print(log[-1], re_())

# Proxies too.
e = Node('e')
e.other = e
pe = weakref.proxy(e)
del e
gc.collect()
try:
    pe.name
except ReferenceError as exc:
    print('ReferenceError:', exc)
gc.enable()
