"""Generic socket servers: a listening socket, a loop that accepts requests,
and a handler class instantiated once per request.

A server object owns the socket and the loop (serve_forever / handle_request);
the handler subclass you pass in does the talking (setup, handle, finish).
Mix-ins change *how* each request is served: ThreadingMixIn runs every
request in a thread of its own, ForkingMixIn in a child process. Blocking
waits (select, accept, recv) release gilpy's interpreter lock, so a threaded
server overlaps its clients' I/O like CPython's does.
"""

import os
import selectors
import socket
import sys
import threading
import time

__all__ = [
    "BaseServer", "TCPServer", "UDPServer", "UnixStreamServer", "UnixDatagramServer",
    "ThreadingMixIn", "ThreadingTCPServer", "ThreadingUDPServer",
    "ThreadingUnixStreamServer", "ThreadingUnixDatagramServer",
    "ForkingMixIn", "ForkingTCPServer", "ForkingUDPServer",
    "BaseRequestHandler", "StreamRequestHandler", "DatagramRequestHandler",
]

_Selector = getattr(selectors, "PollSelector", selectors.SelectSelector)


class BaseServer:
    """The request loop, independent of the kind of socket.

    Subclasses supply get_request(), fileno(), shutdown_request() and the
    socket's set-up; users override handle_error() or verify_request() if
    they want, and pass a BaseRequestHandler subclass.
    """

    timeout = None

    def __init__(self, address, handler_class):
        self.server_address = address
        self.RequestHandlerClass = handler_class
        # Set while serve_forever() runs; shutdown() waits for it.
        self._idle = threading.Event()
        self._idle.set()
        self._stop_asked = False

    def server_activate(self):
        pass

    # -- the loops ---------------------------------------------------------

    def serve_forever(self, poll_interval=0.5):
        """Serves one request at a time until shutdown() is called.

        Every poll_interval seconds the loop looks whether a shutdown was
        asked for, and runs service_actions() after each turn.
        """
        self._idle.clear()
        try:
            with _Selector() as selector:
                selector.register(self.fileno(), selectors.EVENT_READ)
                while not self._stop_asked:
                    if selector.select(poll_interval) and not self._stop_asked:
                        self._handle_request_noblock()
                    self.service_actions()
        finally:
            self._stop_asked = False
            self._idle.set()

    def shutdown(self):
        """Stops serve_forever() and waits for it to return.

        Must be called from another thread than the one serving, or it
        waits forever.
        """
        self._stop_asked = True
        self._idle.wait()

    def service_actions(self):
        """Called once per turn of serve_forever(); for mix-ins to extend."""

    def handle_request(self):
        """Waits for one request (at most self.timeout) and serves it."""
        limit = self.socket.gettimeout()
        if limit is None or (self.timeout is not None and self.timeout < limit):
            limit = self.timeout
        deadline = None if limit is None else time.monotonic() + limit
        with _Selector() as selector:
            selector.register(self.fileno(), selectors.EVENT_READ)
            while True:
                if selector.select(limit):
                    return self._handle_request_noblock()
                if limit is not None:
                    limit = deadline - time.monotonic()
                    if limit < 0:
                        return self.handle_timeout()

    def _handle_request_noblock(self):
        try:
            request, peer = self.get_request()
        except OSError:
            return
        if not self.verify_request(request, peer):
            self.shutdown_request(request)
            return
        try:
            self.process_request(request, peer)
        except Exception:
            self.handle_error(request, peer)
            self.shutdown_request(request)
        except BaseException:
            self.shutdown_request(request)
            raise

    def handle_timeout(self):
        """Called when handle_request() saw no request within the timeout."""

    def verify_request(self, request, peer):
        """Returns whether to serve this request; True unless overridden."""
        return True

    def process_request(self, request, peer):
        """Serves the request here and now (mix-ins override this)."""
        self.finish_request(request, peer)
        self.shutdown_request(request)

    def finish_request(self, request, peer):
        self.RequestHandlerClass(request, peer, self)

    def shutdown_request(self, request):
        self.close_request(request)

    def close_request(self, request):
        pass

    def server_close(self):
        pass

    def handle_error(self, request, peer):
        """Reports an exception a handler raised, and carries on serving."""
        import traceback
        rule = "-" * 40
        print(rule, file=sys.stderr)
        print("Exception occurred during processing of request from",
              peer, file=sys.stderr)
        traceback.print_exc()
        print(rule, file=sys.stderr)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.server_close()


class TCPServer(BaseServer):
    """A server on a stream socket (TCP by default)."""

    address_family = socket.AF_INET
    socket_type = socket.SOCK_STREAM
    request_queue_size = 5
    allow_reuse_address = False
    allow_reuse_port = False

    def __init__(self, address, handler_class, bind_and_activate=True):
        super().__init__(address, handler_class)
        self.socket = socket.socket(self.address_family, self.socket_type)
        if bind_and_activate:
            try:
                self.server_bind()
                self.server_activate()
            except BaseException:
                self.server_close()
                raise

    def server_bind(self):
        """Binds the socket; server_address becomes the real address (port 0
        asks the kernel for a free port)."""
        for wanted, option in ((self.allow_reuse_address, "SO_REUSEADDR"),
                               (self.allow_reuse_port, "SO_REUSEPORT")):
            if wanted and hasattr(socket, option):
                self.socket.setsockopt(socket.SOL_SOCKET, getattr(socket, option), 1)
        self.socket.bind(self.server_address)
        self.server_address = self.socket.getsockname()

    def server_activate(self):
        self.socket.listen(self.request_queue_size)

    def server_close(self):
        self.socket.close()

    def fileno(self):
        return self.socket.fileno()

    def get_request(self):
        return self.socket.accept()

    def shutdown_request(self, request):
        try:
            # Tell the peer we are done writing before the socket goes away,
            # so it sees the end of the response rather than a reset.
            request.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        self.close_request(request)

    def close_request(self, request):
        request.close()


class UDPServer(TCPServer):
    """A server on a datagram socket: each request is one datagram."""

    allow_reuse_address = False
    allow_reuse_port = False
    socket_type = socket.SOCK_DGRAM
    max_packet_size = 8192

    def get_request(self):
        packet, peer = self.socket.recvfrom(self.max_packet_size)
        return (packet, self.socket), peer

    def server_activate(self):
        pass

    def shutdown_request(self, request):
        self.close_request(request)

    def close_request(self, request):
        pass


if hasattr(os, "fork"):
    class ForkingMixIn:
        """Serves each request in a forked child process."""

        timeout = 300
        active_children = None
        max_children = 40
        block_on_close = True

        def _reap(self, pid, flags):
            """Waits for [pid] (-1: any child); the pid reaped, or 0."""
            try:
                return os.waitpid(pid, flags)[0]
            except ChildProcessError:
                return pid if pid > 0 else 0

        def collect_children(self, *, blocking=False):
            """Reaps finished children; waits while there are too many."""
            children = self.active_children
            if not children:
                return
            while len(children) >= self.max_children:
                reaped = self._reap(-1, 0)
                if not reaped:
                    children.clear()
                children.discard(reaped)
            flags = 0 if blocking else os.WNOHANG
            for pid in list(children):
                if self._reap(pid, flags):
                    children.discard(pid)

        def handle_timeout(self):
            self.collect_children()

        def service_actions(self):
            self.collect_children()

        def process_request(self, request, peer):
            pid = os.fork()
            if pid:
                if self.active_children is None:
                    self.active_children = set()
                self.active_children |= {pid}
                self.close_request(request)
                return
            # The child: serve, then leave without running the parent's
            # clean-up (atexit handlers, buffered output it also owns).
            status = 1
            try:
                self.finish_request(request, peer)
                status = 0
            except Exception:
                self.handle_error(request, peer)
            finally:
                try:
                    self.shutdown_request(request)
                finally:
                    os._exit(status)

        def server_close(self):
            super().server_close()
            self.collect_children(blocking=self.block_on_close)


class _Workers:
    """The threads a ThreadingMixIn server started and has not joined."""

    def __init__(self):
        self._lock = threading.Lock()
        self._threads = []

    def add(self, thread):
        with self._lock:
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(thread)

    def join_all(self):
        with self._lock:
            threads, self._threads = self._threads, []
        for thread in threads:
            thread.join()


class ThreadingMixIn:
    """Serves each request in a new thread."""

    daemon_threads = False
    block_on_close = True
    _workers = None

    def process_request_thread(self, request, peer):
        try:
            self.finish_request(request, peer)
        except Exception:
            self.handle_error(request, peer)
        finally:
            self.shutdown_request(request)

    def process_request(self, request, peer):
        worker = threading.Thread(target=self.process_request_thread,
                                  args=(request, peer))
        worker.daemon = self.daemon_threads
        if self.block_on_close and not worker.daemon:
            if self._workers is None:
                self._workers = _Workers()
            self._workers.add(worker)
        worker.start()

    def server_close(self):
        super().server_close()
        if self._workers is not None:
            self._workers.join_all()


if hasattr(os, "fork"):
    class ForkingUDPServer(ForkingMixIn, UDPServer):
        """Answers each datagram in a child process."""

    class ForkingTCPServer(ForkingMixIn, TCPServer):
        """Serves each connection in a child process."""


class ThreadingUDPServer(ThreadingMixIn, UDPServer):
    """Answers each datagram in a thread of its own."""


class ThreadingTCPServer(ThreadingMixIn, TCPServer):
    """Serves each connection in a thread of its own."""


if hasattr(socket, "AF_UNIX"):
    class UnixStreamServer(TCPServer):
        address_family = socket.AF_UNIX

    class UnixDatagramServer(UDPServer):
        address_family = socket.AF_UNIX

    class ThreadingUnixStreamServer(ThreadingMixIn, UnixStreamServer):
        """UnixStreamServer with a thread per connection."""

    class ThreadingUnixDatagramServer(ThreadingMixIn, UnixDatagramServer):
        """UnixDatagramServer with a thread per datagram."""


class BaseRequestHandler:
    """One request: the constructor runs setup(), handle() and finish()."""

    def __init__(self, request, peer, server):
        self.request = request
        self.client_address = peer
        self.server = server
        self.setup()
        try:
            self.handle()
        finally:
            self.finish()

    def setup(self):
        pass

    def handle(self):
        pass

    def finish(self):
        pass


class StreamRequestHandler(BaseRequestHandler):
    """A handler with file objects over a stream socket: rfile to read the
    request, wfile to write the answer."""

    rbufsize = -1
    wbufsize = 0
    timeout = None
    disable_nagle_algorithm = False

    def setup(self):
        sock = self.connection = self.request
        if self.timeout is not None:
            sock.settimeout(self.timeout)
        if self.disable_nagle_algorithm:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True)
        self.rfile = sock.makefile("rb", self.rbufsize)
        # Unbuffered by default: each write goes out whole at once.
        self.wfile = (sock.makefile("wb", self.wbufsize) if self.wbufsize
                      else _SocketWriter(sock))

    def finish(self):
        if not getattr(self.wfile, "closed", False):
            try:
                self.wfile.flush()
            except OSError:
                # The client went away; nothing left to tell it.
                pass
        self.wfile.close()
        self.rfile.close()


class _SocketWriter:
    """An unbuffered binary writer that always sends all it is given."""

    def __init__(self, sock):
        self._sock = sock
        self.closed = False

    def writable(self):
        return True

    def write(self, data):
        self._sock.sendall(data)
        return len(memoryview(data))

    def flush(self):
        pass

    def close(self):
        self.closed = True

    def fileno(self):
        return self._sock.fileno()


class DatagramRequestHandler(BaseRequestHandler):
    """A handler for one datagram: rfile reads it, what is written to wfile
    is sent back to the client as one datagram."""

    def setup(self):
        from io import BytesIO
        self.packet, self.socket = self.request
        self.rfile, self.wfile = BytesIO(self.packet), BytesIO()

    def finish(self):
        self.socket.sendto(self.wfile.getvalue(), self.client_address)
