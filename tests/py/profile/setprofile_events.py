import sys

events = []

def hook(frame, event, arg):
    if event.startswith('c_'):
        events.append((event, getattr(arg, '__qualname__', getattr(arg, '__name__', '?'))))
    else:
        events.append((event, frame.f_code.co_name, arg if event == 'return' and isinstance(arg, int) else None))

def add(a, b):
    return a + b

def gen(n):
    for i in range(n):
        yield i

def boom():
    raise ValueError('x')

def main():
    x = add(1, 2)
    lst = []
    lst.append(x)
    total = sum(gen(2))
    try:
        boom()
    except ValueError:
        pass
    len(lst)
    print(*[1], sep='')
    return total

sys.setprofile(hook)
main()
sys.setprofile(None)
for e in events:
    print(e)
print(sys.getprofile())
