def f(**k): pass
class C:
  def m(self, **k): pass
for fn in (f, C().m, print, len, lambda **k: 0):
  try: fn(**1)
  except TypeError as e: print(e)
try: f(**{1:2})
except TypeError as e: print(e)
try: f(**{"a":1}, **{"a":2})
except TypeError as e: print(e)
try: f(*1)
except TypeError as e: print(e)
def f(*a): pass
for call in ("f(1, *2)", "f(*None)", "f(*1, *2)", "f(*[1], 2, *3)"):
  try: eval(call)
  except TypeError as e: print(e)
try:
  class C(*1): pass
except TypeError as e: print(e)
