"""selectors: high-level I/O multiplexing over select.select and select.poll.

A small version of CPython's module with the same names and behaviour:
SelectorKey, EVENT_READ/EVENT_WRITE, BaseSelector's register/unregister/
modify/select/get_key/get_map/close and the context manager, with
SelectSelector, PollSelector and DefaultSelector (PollSelector here).
Waits release the GIL (see src/mod/select.c).
"""

import select
from collections import namedtuple

EVENT_READ = 1 << 0
EVENT_WRITE = 1 << 1

SelectorKey = namedtuple("SelectorKey", ["fileobj", "fd", "events", "data"])


def _fileobj_to_fd(fileobj):
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError("Invalid file object: {!r}".format(fileobj)) from None
    if fd < 0:
        raise ValueError("Invalid file descriptor: {}".format(fd))
    return fd


class BaseSelector:
    """Keeps the registered keys; subclasses only wait."""

    def __init__(self):
        self._fd_to_key = {}

    def _fileobj_lookup(self, fileobj):
        try:
            return _fileobj_to_fd(fileobj)
        except ValueError:
            for key in self._fd_to_key.values():
                if key.fileobj is fileobj:
                    return key.fd
            raise

    def register(self, fileobj, events, data=None):
        if (not events) or (events & ~(EVENT_READ | EVENT_WRITE)):
            raise ValueError("Invalid events: {!r}".format(events))
        key = SelectorKey(fileobj, self._fileobj_lookup(fileobj), events, data)
        if key.fd in self._fd_to_key:
            raise KeyError("{!r} (FD {}) is already registered".format(fileobj, key.fd))
        self._fd_to_key[key.fd] = key
        return key

    def unregister(self, fileobj):
        try:
            return self._fd_to_key.pop(self._fileobj_lookup(fileobj))
        except KeyError:
            raise KeyError("{!r} is not registered".format(fileobj)) from None

    def modify(self, fileobj, events, data=None):
        try:
            key = self._fd_to_key[self._fileobj_lookup(fileobj)]
        except KeyError:
            raise KeyError("{!r} is not registered".format(fileobj)) from None
        if events != key.events:
            self.unregister(fileobj)
            key = self.register(fileobj, events, data)
        elif data != key.data:
            key = key._replace(data=data)
            self._fd_to_key[key.fd] = key
        return key

    def select(self, timeout=None):
        raise NotImplementedError

    def close(self):
        self._fd_to_key.clear()
        self._fd_to_key = None

    def get_key(self, fileobj):
        mapping = self.get_map()
        if mapping is None:
            raise RuntimeError("Selector is closed")
        try:
            return mapping[self._fileobj_lookup(fileobj)]
        except KeyError:
            raise KeyError("{!r} is not registered".format(fileobj)) from None

    def get_map(self):
        return None if self._fd_to_key is None else dict(self._fd_to_key)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class SelectSelector(BaseSelector):
    """Waits with select.select()."""

    def select(self, timeout=None):
        timeout = None if timeout is None else max(timeout, 0)
        readers = [fd for fd, k in self._fd_to_key.items() if k.events & EVENT_READ]
        writers = [fd for fd, k in self._fd_to_key.items() if k.events & EVENT_WRITE]
        r, w, _ = select.select(readers, writers, [], timeout)
        r, w = set(r), set(w)
        ready = []
        for fd in r | w:
            key = self._fd_to_key.get(fd)
            if key:
                events = (EVENT_READ if fd in r else 0) | (EVENT_WRITE if fd in w else 0)
                ready.append((key, events & key.events))
        return ready


class PollSelector(BaseSelector):
    """Waits with select.poll()."""

    def __init__(self):
        super().__init__()
        self._poll = select.poll()

    def register(self, fileobj, events, data=None):
        key = super().register(fileobj, events, data)
        mask = (select.POLLIN if events & EVENT_READ else 0) | \
               (select.POLLOUT if events & EVENT_WRITE else 0)
        self._poll.register(key.fd, mask)
        return key

    def unregister(self, fileobj):
        key = super().unregister(fileobj)
        try:
            self._poll.unregister(key.fd)
        except OSError:
            pass
        return key

    def select(self, timeout=None):
        if timeout is None:
            ms = None
        elif timeout <= 0:
            ms = 0
        else:
            ms = int(timeout * 1000 + 0.999)
        ready = []
        for fd, revents in self._poll.poll(ms):
            key = self._fd_to_key.get(fd)
            if key:
                events = 0
                if revents & ~select.POLLIN:
                    events |= EVENT_WRITE
                if revents & ~select.POLLOUT:
                    events |= EVENT_READ
                ready.append((key, events & key.events))
        return ready


DefaultSelector = PollSelector
