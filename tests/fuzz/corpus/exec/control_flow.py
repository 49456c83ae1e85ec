def g():
    try:
        return 1
    finally:
        for i in range(3):
            try: continue
            finally: break
g()
class A:
    def __eq__(s, o): raise ValueError
    __hash__ = None
try: {A(): 1}
except TypeError: pass
import_ = [x for x in range(10) if x for y in "ab"]
