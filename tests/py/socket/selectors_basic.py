# selectors over socketpairs: register, select, modify, unregister.
import selectors
import socket

for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.DefaultSelector):
    a, b = socket.socketpair()
    with cls() as sel:
        key = sel.register(b, selectors.EVENT_READ, data="b")
        print(key.fd == b.fileno(), key.events, key.data)
        print(sel.select(0))
        a.send(b"x")
        ready = sel.select(1)
        print([(k.data, ev) for k, ev in ready])
        sel.modify(b, selectors.EVENT_WRITE, data="bw")
        print([(k.data, ev) for k, ev in sel.select(1)])
        print(sel.get_key(b).data, len(sel.get_map()))
        sel.unregister(b)
        try:
            sel.unregister(b)
        except KeyError:
            print("KeyError")
        try:
            sel.register(b, 0)
        except ValueError as e:
            print(e)
    a.close()
    b.close()
