# selectors: the bookkeeping API (keys, errors, modify, close) on pipes and
# fileobj-like objects, for SelectSelector, PollSelector and DefaultSelector.
import os
import selectors


class FileLike:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd

    def __repr__(self):
        return "FileLike(%d)" % self.fd


class BadFileno:
    def fileno(self):
        return "nope"

    def __repr__(self):
        return "BadFileno()"


print(selectors.EVENT_READ, selectors.EVENT_WRITE)
k = selectors.SelectorKey("f", 3, 1, None)
print(k, k.fileobj, k.fd, k.events, k.data, k._fields)

for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.DefaultSelector):
    print("--", issubclass(cls, selectors.BaseSelector))
    r, w = os.pipe()
    sel = cls()
    # Registration by plain int and by a fileno() object.
    kr = sel.register(r, selectors.EVENT_READ)
    print(kr.fileobj == r, kr.fd == r, kr.events, kr.data)
    fl = FileLike(w)
    kw = sel.register(fl, selectors.EVENT_WRITE, data=[1, 2])
    print(kw.fileobj is fl, kw.fd == w, kw.data)
    # Only the writer is ready until something is written.
    ready = sel.select(0)
    print(sorted((key.fd == w, ev) for key, ev in ready))
    os.write(w, b"hi")
    ready = sel.select(0.5)
    print(sorted((key.fd == w, ev) for key, ev in ready))
    # Errors the user sees.
    spare = os.dup(r)
    for bad in (0, 4, -1, 7):
        try:
            sel.register(spare, bad)
        except ValueError as e:
            print("ValueError", e)
    # A rejected registration must not leave the fd behind.
    print(spare in sel.get_map())
    os.close(spare)
    try:
        sel.register(fl, selectors.EVENT_READ)
    except KeyError as e:
        print("KeyError", str(e).replace(str(w), "W"))
    try:
        sel.register(-5, selectors.EVENT_READ)
    except ValueError as e:
        print("ValueError", e)
    try:
        sel.register(BadFileno(), selectors.EVENT_READ)
    except ValueError as e:
        print("ValueError", e)
    try:
        sel.register(object, selectors.EVENT_READ)
    except ValueError as e:
        print("ValueError", str(e)[:24])
    try:
        sel.get_key(12345)
    except KeyError as e:
        print("KeyError", e)
    try:
        sel.unregister(FileLike(999))
    except KeyError as e:
        print("KeyError", e)
    try:
        sel.modify(999, selectors.EVENT_READ)
    except KeyError as e:
        print("KeyError", e)
    # get_key/modify/unregister via the fd number or the object itself.
    print(sel.get_key(w).data, sel.get_key(fl).data)
    m = sel.get_map()
    print(len(m), r in m, w in m, m[r].events)
    same = sel.modify(r, selectors.EVENT_READ, "new-data")
    print(same.data, same.events, sel.get_key(r).data)
    same2 = sel.modify(r, selectors.EVENT_READ, "new-data")
    print(same2 == same)
    both = sel.modify(r, selectors.EVENT_READ | selectors.EVENT_WRITE, "rw")
    print(both.events, both.data)
    ready = sel.select(0)
    print(sorted((key.fd == w, ev) for key, ev in ready))
    gone = sel.unregister(fl)
    print(gone.fileobj is fl, len(sel.get_map()))
    # Negative timeouts poll without blocking.
    os.read(r, 10)
    print(sel.select(-1) == [] or [ev for _, ev in sel.select(-1)])
    # A closed fileobj can still be unregistered by the object itself.
    fl2 = FileLike(os.dup(w))
    sel.register(fl2, selectors.EVENT_WRITE)
    os.close(fl2.fd)
    fl2.fd = -1
    print(sel.unregister(fl2).fileobj is fl2)
    sel.close()
    print(sel.get_map())
    try:
        sel.get_key(r)
    except RuntimeError as e:
        print("RuntimeError", e)
    with cls() as s2:
        print(s2.register(r, selectors.EVENT_READ).fd == r)
    print(s2.get_map())
    os.close(r)
    os.close(w)
print("done")
