# marshal.loads() of input that ends early raises EOFError, as in CPython.
import marshal
for d in [b'', b'i', b'i\x01\x00']:
    try:
        marshal.loads(d)
    except Exception as e:
        print(type(e).__name__, e)
data = marshal.dumps([1, "two", (3.0, None)])
for n in range(len(data)):
    try:
        marshal.loads(data[:n])
    except EOFError:
        pass
    except Exception as e:
        print(n, type(e).__name__)
print(marshal.loads(data))
