# resource.getrusage(): a struct_rusage record for the process, its children
# and the calling thread, with CPython's field names, types and errors.
import resource, os
r = resource.getrusage(resource.RUSAGE_SELF)
print(type(r).__name__, type(r).__module__, len(r), r._fields if hasattr(r, '_fields') else '', r.n_fields, r.n_sequence_fields)
print(type(r.ru_utime).__name__, type(r.ru_maxrss).__name__, r.ru_maxrss > 1000, r[2] == r.ru_maxrss)
print(resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN, resource.RUSAGE_THREAD)
pid = os.fork()
if pid == 0:
    sum(range(10**6)); os._exit(0)
os.waitpid(pid, 0)
c = resource.getrusage(resource.RUSAGE_CHILDREN)
print(c.ru_maxrss > 0, resource.getrusage(resource.RUSAGE_THREAD).ru_utime >= 0)
for bad in (5, 'x', 2**40):
    try:
        resource.getrusage(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(repr(r).startswith('resource.struct_rusage(ru_utime='), tuple(r)[2:3] == (r.ru_maxrss,))
