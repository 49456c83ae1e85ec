"""Wait for many file descriptors at once, keyed by the objects you registered."""

# Design notes
# ------------
# A selector is two things glued together: a registry (which objects the
# caller cares about, for which directions, with what attached data) and a
# wait primitive (select.select or select.poll from src/mod/select.c, both of
# which drop the GIL while they sleep).  The registry is all ordinary Python
# and lives in BaseSelector; a subclass only has to say how to wait and, if
# its primitive keeps kernel-side state, how to mirror the registry into it.
#
# The registry is one dict from fd number to SelectorKey.  Looking an object
# up always goes through its fd, with one fallback: an object whose fileno()
# no longer works (a socket closed before it was unregistered) is found by
# identity among the stored keys, so it can still be removed.
#
# What is here: SelectorKey, EVENT_READ/EVENT_WRITE, BaseSelector,
# SelectSelector, PollSelector, and DefaultSelector (= PollSelector, since
# gilpy has no epoll/kqueue/devpoll bindings; asyncio does not need them
# because our event loop is libuv).  get_map() hands out a snapshot dict
# rather than a live read-only view.  modify() checks the new event mask
# before touching the registration, so a bad mask leaves the key in place.

import select
from collections import namedtuple

EVENT_READ = 1
EVENT_WRITE = 2

# Every bit a caller may ask for; anything else is rejected on register().
_ALL_EVENTS = EVENT_READ | EVENT_WRITE

SelectorKey = namedtuple("SelectorKey", "fileobj fd events data")


def _fd_of(obj):
    """Return the descriptor number behind [obj] or raise ValueError."""
    if isinstance(obj, int):
        number = obj
    else:
        try:
            number = int(obj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError("Invalid file object: %r" % (obj,)) from None
    if number < 0:
        raise ValueError("Invalid file descriptor: %d" % number)
    return number


def _check_events(events):
    # A zero mask would register something that can never become ready, so
    # it is refused along with unknown bits.
    if not events or events & ~_ALL_EVENTS:
        raise ValueError("Invalid events: %r" % (events,))


def _not_registered(obj):
    return KeyError("%r is not registered" % (obj,))


class BaseSelector:
    """Registry of SelectorKeys; subclasses supply select()."""

    def __init__(self):
        self._keys = {}

    # -- registry helpers ---------------------------------------------------

    def _resolve(self, obj):
        # Prefer the live fd; if the object cannot give one any more, look
        # for it among what was registered so unregister() still works.
        try:
            return _fd_of(obj)
        except ValueError:
            for key in self._keys.values():
                if key.fileobj is obj:
                    return key.fd
            raise

    def _existing(self, obj):
        try:
            return self._keys[self._resolve(obj)]
        except KeyError:
            raise _not_registered(obj) from None

    def _collect(self, pairs):
        # Turn (fd, EVENT_* bits) pairs from a wait into (key, events) pairs.
        result = []
        for fd, got in pairs:
            key = self._keys.get(fd)
            # A callback may have unregistered the fd since the wait began.
            if key is not None:
                result.append((key, got & key.events))
        return result

    # Hooks for subclasses whose wait primitive keeps its own fd table.
    def _watch(self, key):
        pass

    def _unwatch(self, key):
        pass

    def _rewatch(self, old, new):
        self._unwatch(old)
        self._watch(new)

    # -- public API ---------------------------------------------------------

    def register(self, fileobj, events, data=None):
        _check_events(events)
        fd = self._resolve(fileobj)
        if fd in self._keys:
            raise KeyError("%r (FD %d) is already registered" % (fileobj, fd))
        key = SelectorKey(fileobj, fd, events, data)
        self._keys[fd] = key
        self._watch(key)
        return key

    def unregister(self, fileobj):
        key = self._existing(fileobj)
        del self._keys[key.fd]
        self._unwatch(key)
        return key

    def modify(self, fileobj, events, data=None):
        old = self._existing(fileobj)
        _check_events(events)
        if events == old.events and data == old.data:
            return old
        new = old._replace(events=events, data=data)
        self._keys[old.fd] = new
        if events != old.events:
            # Re-arm the wait primitive only when the mask really changed.
            self._rewatch(old, new)
        return new

    def select(self, timeout=None):
        raise NotImplementedError

    def close(self):
        # Neither select() nor a poll object holds a kernel resource, so
        # forgetting the keys is all there is to closing.
        self._keys = None

    def get_key(self, fileobj):
        if self._keys is None:
            raise RuntimeError("Selector is closed")
        return self._existing(fileobj)

    def get_map(self):
        if self._keys is None:
            return None
        return dict(self._keys)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


class SelectSelector(BaseSelector):
    """Selector built on select.select(); rebuilds its fd lists per call."""

    def select(self, timeout=None):
        if timeout is not None and timeout < 0:
            timeout = 0
        want_read = []
        want_write = []
        for fd, key in self._keys.items():
            if key.events & EVENT_READ:
                want_read.append(fd)
            if key.events & EVENT_WRITE:
                want_write.append(fd)
        readable, writable, _ = select.select(want_read, want_write, [], timeout)
        flags = {}
        for fd in readable:
            flags[fd] = EVENT_READ
        for fd in writable:
            flags[fd] = flags.get(fd, 0) | EVENT_WRITE
        return self._collect(flags.items())


# Any poll() bit other than "readable" and "writable" (POLLHUP, POLLERR, ...).
_POLL_TROUBLE = ~(select.POLLIN | select.POLLOUT)


class PollSelector(BaseSelector):
    """Selector built on one long-lived select.poll() object."""

    def __init__(self):
        super().__init__()
        self._poller = select.poll()

    @staticmethod
    def _poll_mask(events):
        mask = 0
        if events & EVENT_READ:
            mask |= select.POLLIN
        if events & EVENT_WRITE:
            mask |= select.POLLOUT
        return mask

    def _watch(self, key):
        self._poller.register(key.fd, self._poll_mask(key.events))

    def _rewatch(self, old, new):
        self._poller.modify(new.fd, self._poll_mask(new.events))

    def _unwatch(self, key):
        try:
            self._poller.unregister(key.fd)
        except (KeyError, OSError):
            pass

    def select(self, timeout=None):
        # poll() counts in whole milliseconds; round up so a short positive
        # timeout still sleeps instead of turning into a busy check.
        if timeout is None:
            wait_ms = None
        elif timeout <= 0:
            wait_ms = 0
        else:
            wait_ms = int(-(-timeout * 1000 // 1))
        keys = self._keys
        result = []
        for fd, revents in self._poller.poll(wait_ms):
            key = keys.get(fd)
            if key is None:
                continue
            # Hang-ups and errors wake both directions: the caller's next
            # read or write is what reports the actual condition.
            trouble = revents & _POLL_TROUBLE
            got = 0
            if revents & select.POLLIN or trouble:
                got |= EVENT_READ
            if revents & select.POLLOUT or trouble:
                got |= EVENT_WRITE
            result.append((key, got & key.events))
        return result


DefaultSelector = PollSelector
