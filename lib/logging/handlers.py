"""More logging destinations: size-rotated files, buffers and queues.

Design notes
------------
Everything here is built on logging.Handler and logging.FileHandler and
keeps their locking rule: handle() holds the handler's lock around emit(),
so a rotation (close, rename, reopen) can never interleave with another
thread's write to the same file.

RotatingFileHandler checks before each write whether the formatted line
would push the file to maxBytes; if so the numbered backups shift up by one
(app.log.1 -> app.log.2 ...), the oldest beyond backupCount is dropped and
a fresh file is opened. `namer` and `rotator` let an application rename or
compress backups; both default to the plain behaviour.

The queue pair decouples slow handlers from the code that logs:
QueueHandler turns a record into a self-contained one (message already
formatted, no live traceback) and puts it on a queue; QueueListener runs a
thread that takes records off and hands them to the real handlers. A
sentinel None on the queue stops the thread.

Only the handlers that scripts commonly use are provided; the network and
syslog handlers are not.
"""

import copy
import os
import threading

import logging


class BaseRotatingHandler(logging.FileHandler):
    """A FileHandler that may swap its file before a record is written."""

    namer = None
    rotator = None

    def __init__(self, filename, mode, encoding=None, delay=False, errors=None):
        super().__init__(filename, mode, encoding, delay, errors)

    def emit(self, record):
        # Rotation failures are logging errors like any other: reported on
        # stderr by handleError(), never raised into the caller.
        try:
            due = self.shouldRollover(record)
            if due:
                self.doRollover()
            super().emit(record)
        except Exception:
            logging.Handler.handleError(self, record)

    def rotation_filename(self, default_name):
        """The backup's name: `default_name`, unless a namer changes it."""
        rename = self.namer
        return rename(default_name) if callable(rename) else default_name

    def rotate(self, source, dest):
        """Move the full file aside (or let a custom rotator do it)."""
        move = self.rotator
        if callable(move):
            move(source, dest)
        elif os.path.exists(source):
            os.rename(source, dest)


class RotatingFileHandler(BaseRotatingHandler):
    """Starts a new file whenever the current one would exceed maxBytes."""

    def __init__(self, filename, mode='a', maxBytes=0, backupCount=0, encoding=None,
                 delay=False, errors=None):
        # Rotation only makes sense when appending: "w" would wipe the
        # file each time the program starts, defeating the size limit.
        super().__init__(filename, 'a' if maxBytes > 0 else mode, encoding, delay, errors)
        self.maxBytes, self.backupCount = maxBytes, backupCount

    def shouldRollover(self, record):
        limit = self.maxBytes
        if limit <= 0:
            return False
        path = self.baseFilename
        if os.path.exists(path) and not os.path.isfile(path):
            # Something like /dev/null: never rotate it.
            return False
        self._ensure_open()
        pending = len(self.format(record)) + 1
        self.stream.seek(0, os.SEEK_END)
        return self.stream.tell() + pending >= limit

    def doRollover(self):
        live, self.stream = self.stream, None
        if live is not None:
            live.close()
        keep = self.backupCount
        if keep > 0:
            base = self.baseFilename
            # Shift app.log.N-1 -> app.log.N, down to app.log.1 -> app.log.2,
            # overwriting the oldest, then move the live file to app.log.1.
            for number in range(keep - 1, 0, -1):
                older = self.rotation_filename('%s.%d' % (base, number))
                newer = self.rotation_filename('%s.%d' % (base, number + 1))
                if os.path.exists(older):
                    if os.path.exists(newer):
                        os.remove(newer)
                    os.rename(older, newer)
            first = self.rotation_filename(base + '.1')
            if os.path.exists(first):
                os.remove(first)
            self.rotate(base, first)
        if not self.delay:
            self._ensure_open()

    def _ensure_open(self):
        if self.stream is None:
            self.stream = self._open()


class WatchedFileHandler(logging.FileHandler):
    """Reopens its file when something else moved or deleted it."""

    def __init__(self, filename, mode='a', encoding=None, delay=False, errors=None):
        super().__init__(filename, mode, encoding, delay, errors)
        # (device, inode) of the file we have open; -1 until one is open.
        self.dev = self.ino = -1
        self._remember_identity()

    def _remember_identity(self):
        if self.stream is None:
            return
        info = os.fstat(self.stream.fileno())
        self.dev, self.ino = info.st_dev, info.st_ino

    def reopenIfNeeded(self):
        try:
            info = os.stat(self.baseFilename)
            moved = (info.st_dev, info.st_ino) != (self.dev, self.ino)
        except FileNotFoundError:
            moved = True
        old = self.stream
        if moved and old is not None:
            old.flush()
            old.close()
            self.stream = self._open()
            self._remember_identity()

    def emit(self, record):
        self.reopenIfNeeded()
        super().emit(record)


class BufferingHandler(logging.Handler):
    """Collects records in `buffer`; flush() (here: discard) when full."""

    def __init__(self, capacity):
        super().__init__()
        self.capacity, self.buffer = capacity, []

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity

    def emit(self, record):
        buffer = self.buffer
        buffer.append(record)
        if self.shouldFlush(record):
            self.flush()

    def flush(self):
        with self.lock:
            del self.buffer[:]

    def close(self):
        try:
            self.flush()
        finally:
            super().close()


class MemoryHandler(BufferingHandler):
    """Holds records until the buffer fills or a serious one arrives.

    Then all of them go, in order, to `target`; typically used to keep
    the DEBUG context that led up to an ERROR.
    """

    def __init__(self, capacity, flushLevel=logging.ERROR, target=None, flushOnClose=True):
        super().__init__(capacity)
        vars(self).update(flushLevel=flushLevel, target=target, flushOnClose=flushOnClose)

    def shouldFlush(self, record):
        full = len(self.buffer) >= self.capacity
        return full or record.levelno >= self.flushLevel

    def setTarget(self, target):
        with self.lock:
            self.target = target

    def flush(self):
        with self.lock:
            receiver = self.target
            if receiver is None:
                return
            pending, self.buffer = self.buffer, []
            for held in pending:
                receiver.handle(held)

    def close(self):
        try:
            if self.flushOnClose:
                self.flush()
        finally:
            with self.lock:
                self.target = None
                super().close()


class QueueHandler(logging.Handler):
    """Puts self-contained copies of records on a queue (see the notes)."""

    def __init__(self, queue):
        super().__init__()
        self.queue = queue

    def enqueue(self, record):
        self.queue.put_nowait(record)

    def prepare(self, record):
        # Format here, in the logging thread: the listener's side may not be
        # able to use the arguments or the traceback any more.
        text = self.format(record)
        portable = copy.copy(record)
        portable.message = portable.msg = text
        portable.args = None
        portable.exc_info = portable.exc_text = None
        return portable

    def emit(self, record):
        try:
            ready = self.prepare(record)
            self.enqueue(ready)
        except Exception:
            logging.Handler.handleError(self, record)


class QueueListener:
    """Feeds records from a queue to handlers, on a thread of its own."""

    _sentinel = None

    def __init__(self, queue, *handlers, respect_handler_level=False):
        vars(self).update(queue=queue, handlers=handlers, _thread=None,
                          respect_handler_level=respect_handler_level)

    def dequeue(self, block):
        return self.queue.get(block)

    def prepare(self, record):
        return record

    def handle(self, record):
        ready = self.prepare(record)
        picky = self.respect_handler_level
        for destination in self.handlers:
            if not picky or ready.levelno >= destination.level:
                destination.handle(ready)

    def _monitor(self):
        done = getattr(self.queue, 'task_done', None)
        while True:
            item = self.dequeue(True)
            finished = item is self._sentinel
            if not finished:
                self.handle(item)
            if done is not None:
                done()
            if finished:
                return

    def start(self):
        self._thread = threading.Thread(target=self._monitor, daemon=True)
        self._thread.start()

    def enqueue_sentinel(self):
        self.queue.put_nowait(QueueListener._sentinel)

    def stop(self):
        """Let the thread drain what is queued, then wait for it to end."""
        worker, self._thread = self._thread, None
        if worker is not None:
            self.enqueue_sentinel()
            worker.join()
