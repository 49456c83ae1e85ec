# A coroutine that is garbage without ever having been started warns
# "coroutine '...' was never awaited" (RuntimeWarning) where it dies; one
# that was closed, awaited or started does not.
import asyncio
import gc
import warnings

async def job():
    return 1

def make_and_drop():
    job()

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    make_and_drop()
    print([(x.category.__name__, str(x.message)) for x in w])

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    c = job()
    c.close()
    del c
    c = job()
    try:
        c.send(None)
    except StopIteration as e:
        print("returned", e.value)
    del c
    print(asyncio.run(job()))
    print(len(w))

class Box:
    pass

# In a reference cycle: the collector's finalizer warns.
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    b = Box()
    b.c = job()
    b.self = b
    del b
    gc.collect()
    print([str(x.message) for x in w])

# Nested function names use the qualified name.
class K:
    async def meth(self):
        pass

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    K().meth()
    print([str(x.message) for x in w])

# With the warning turned into an error, it is reported, not raised.
import sys
seen = []
sys.unraisablehook = lambda u: seen.append((u.exc_type.__name__, str(u.exc_value)))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    job()
print(seen)
