# The resource module: getrlimit/setrlimit and CPython's error messages.
import resource

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(resource.RLIM_INFINITY, resource.error is OSError, soft <= hard or hard == -1)
print(type(resource.getpagesize()).__name__, resource.getrlimit(resource.RLIMIT_CORE)[0] >= -1)
for args in [(999,), ('x',), (-1,), (2**40,), (1.5,)]:
    try:
        resource.getrlimit(*args)
    except Exception as e:
        print('getrlimit', args, type(e).__name__, e)
cases = [(1,), 5, (hard, hard + 1) if hard != -1 else (1, 0), ('a', 1), (1, 2, 3),
         (2**70, 1), None]
for lim in cases:
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, lim)
    except Exception as e:
        print('setrlimit', type(e).__name__, e)
# Lowering and restoring the soft limit through any iterable of two ints.
resource.setrlimit(resource.RLIMIT_NOFILE, [min(soft, 256) if soft != -1 else 256, hard])
print(resource.getrlimit(resource.RLIMIT_NOFILE)[0] <= 256)
resource.setrlimit(resource.RLIMIT_NOFILE, iter((soft, hard)))
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft, hard))
try:
    resource.setrlimit(999, (1, 1))
except ValueError as e:
    print('setrlimit', e)
print(sorted(n for n in dir(resource) if n.startswith('RLIMIT')))
for f, a in [(resource.getrlimit, ()), (resource.setrlimit, (1,)), (resource.getpagesize, (1,))]:
    try:
        f(*a)
    except TypeError as e:
        print(e)
