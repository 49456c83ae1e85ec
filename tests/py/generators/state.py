def g():
    yield 1
    yield 2
it = g()
print(it.gi_running, it.gi_frame is not None)
next(it)
next(it)
print(list(it))
print(it.gi_frame)
def running():
    yield gen_ref.gi_running
gen_ref = running()
print(next(gen_ref))
def reentrant():
    yield next(r)
r = reentrant()
try:
    next(r)
except ValueError as e:
    print(e)
