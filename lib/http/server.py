"""HTTP servers on top of socketserver.

HTTPServer / ThreadingHTTPServer listen; BaseHTTPRequestHandler reads one
request line and its headers, then calls the handler's do_<METHOD>()
method, which answers through send_response(), send_header(),
end_headers() and wfile. SimpleHTTPRequestHandler serves the files under a
directory (GET and HEAD, with directory listings). `gilpy -m http.server`
serves the current directory, as `python3 -m http.server` does.

The request-line checks, status lines, error pages and log lines follow
CPython 3.11's http.server, so clients and log readers see the same bytes.
"""

import html
import http.client
import io
import mimetypes
import os
import posixpath
import shutil
import socket
import socketserver
import sys
import time
import urllib.parse

from http import HTTPStatus

__version__ = "0.6"

__all__ = ["HTTPServer", "ThreadingHTTPServer", "BaseHTTPRequestHandler",
           "SimpleHTTPRequestHandler"]

DEFAULT_ERROR_MESSAGE = """\
<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: %(code)d</p>
        <p>Message: %(message)s.</p>
        <p>Error code explanation: %(code)s - %(explain)s.</p>
    </body>
</html>
"""

DEFAULT_ERROR_CONTENT_TYPE = "text/html;charset=utf-8"

# A request line longer than this is refused with 414.
_MAX_REQUEST_LINE = 65536

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = (None, "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _http_date(timestamp):
    """RFC 7231's IMF-fixdate for [timestamp], e.g. 'Sun, 06 Nov 1994 08:49:37 GMT'."""
    t = time.gmtime(timestamp)
    return "%s, %02d %s %04d %02d:%02d:%02d GMT" % (
        _DAY_NAMES[t.tm_wday], t.tm_mday, _MONTH_NAMES[t.tm_mon], t.tm_year,
        t.tm_hour, t.tm_min, t.tm_sec)


def _parse_http_date(text):
    """Seconds since the epoch for an IMF-fixdate (the form clients send back
    in If-Modified-Since), or None if [text] is not one."""
    parts = text.split()
    if len(parts) != 6 or parts[5].upper() not in ("GMT", "UTC"):
        return None
    try:
        day = int(parts[1])
        month = _MONTH_NAMES.index(parts[2].title(), 1)
        year = int(parts[3])
        hour, minute, second = (int(x) for x in parts[4].split(":"))
    except ValueError:
        return None
    # Days from 1970-01-01 to the given date (proleptic Gregorian).
    y, m = (year - 1, month + 12) if month <= 2 else (year, month)
    days = 365 * y + y // 4 - y // 100 + y // 400 + (153 * (m - 3) + 2) // 5 + day - 719469
    return days * 86400 + hour * 3600 + minute * 60 + second


def _escape_controls():
    table = {c: "\\x%02x" % c for c in range(0x20)}
    table.update((c, "\\x%02x" % c) for c in range(0x7f, 0xa0))
    table[ord("\\")] = "\\\\"
    return table


class HTTPServer(socketserver.TCPServer):
    """A TCP server that remembers its host name and port for handlers."""

    allow_reuse_address = 1

    def server_bind(self):
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = socket.getfqdn(host)
        self.server_port = port


class ThreadingHTTPServer(socketserver.ThreadingMixIn, HTTPServer):
    daemon_threads = True


class BaseHTTPRequestHandler(socketserver.StreamRequestHandler):
    """Parses HTTP requests and dispatches each to do_<COMMAND>().

    After parsing, the handler has command, path, request_version,
    requestline and headers (an http.client.HTTPMessage); rfile holds the
    request body, if any, and the answer goes to wfile.
    """

    sys_version = "Python/" + sys.version.split()[0]
    server_version = "BaseHTTP/" + __version__
    error_message_format = DEFAULT_ERROR_MESSAGE
    error_content_type = DEFAULT_ERROR_CONTENT_TYPE
    default_request_version = "HTTP/0.9"
    protocol_version = "HTTP/1.0"
    MessageClass = http.client.HTTPMessage
    responses = {status: (status.phrase, status.description) for status in HTTPStatus}
    weekdayname = list(_DAY_NAMES)
    monthname = list(_MONTH_NAMES)

    _control_char_table = _escape_controls()

    # -- reading the request ------------------------------------------------

    def _parse_version(self, version):
        """(major, minor) of an 'HTTP/x.y' string; ValueError if malformed."""
        if not version.startswith("HTTP/"):
            raise ValueError(version)
        numbers = version[5:].split(".")
        if len(numbers) != 2 or not all(n.isdigit() and len(n) <= 10 for n in numbers):
            raise ValueError(version)
        return int(numbers[0]), int(numbers[1])

    def parse_request(self):
        """Parses self.raw_requestline and the headers after it.

        Returns True on success; otherwise an error has been sent and the
        connection is to be closed.
        """
        self.command = None
        self.request_version = version = self.default_request_version
        self.close_connection = True
        self.requestline = str(self.raw_requestline, "iso-8859-1").rstrip("\r\n")
        words = self.requestline.split()
        if not words:
            return False
        if len(words) >= 3:
            version = words[-1]
            try:
                number = self._parse_version(version)
            except ValueError:
                self.send_error(HTTPStatus.BAD_REQUEST,
                                "Bad request version (%r)" % version)
                return False
            if number >= (1, 1) and self.protocol_version >= "HTTP/1.1":
                self.close_connection = False
            if number >= (2, 0):
                self.send_error(HTTPStatus.HTTP_VERSION_NOT_SUPPORTED,
                                "Invalid HTTP version (%s)" % version[5:])
                return False
            self.request_version = version
        if len(words) > 3 or len(words) < 2:
            self.send_error(HTTPStatus.BAD_REQUEST,
                            "Bad request syntax (%r)" % self.requestline)
            return False
        command, path = words[0], words[1]
        if len(words) == 2:
            # HTTP/0.9: a bare "GET path", no headers, no keep-alive.
            self.close_connection = True
            if command != "GET":
                self.send_error(HTTPStatus.BAD_REQUEST,
                                "Bad HTTP/0.9 request type (%r)" % command)
                return False
        self.command = command
        # "//host/x" would read as a network path to urlsplit(); keep one slash.
        self.path = "/" + path.lstrip("/") if path.startswith("//") else path
        try:
            self.headers = http.client.parse_headers(self.rfile, _class=self.MessageClass)
        except http.client.LineTooLong as err:
            self.send_error(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                            "Line too long", str(err))
            return False
        except http.client.HTTPException as err:
            self.send_error(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                            "Too many headers", str(err))
            return False
        connection = self.headers.get("Connection", "").lower()
        if connection == "close":
            self.close_connection = True
        elif connection == "keep-alive" and self.protocol_version >= "HTTP/1.1":
            self.close_connection = False
        expect = self.headers.get("Expect", "").lower()
        if (expect == "100-continue" and self.protocol_version >= "HTTP/1.1"
                and self.request_version >= "HTTP/1.1"):
            if not self.handle_expect_100():
                return False
        return True

    def handle_expect_100(self):
        """Answers 'Expect: 100-continue' with an interim 100 response.
        Return False from an override to refuse the request body."""
        self.send_response_only(HTTPStatus.CONTINUE)
        self.end_headers()
        return True

    def handle_one_request(self):
        """Reads and answers one request; sets close_connection."""
        try:
            self.raw_requestline = self.rfile.readline(_MAX_REQUEST_LINE + 1)
            if len(self.raw_requestline) > _MAX_REQUEST_LINE:
                self.requestline = ""
                self.request_version = ""
                self.command = ""
                self.send_error(HTTPStatus.REQUEST_URI_TOO_LONG)
                return
            if not self.raw_requestline:
                self.close_connection = True
                return
            if not self.parse_request():
                return
            method = getattr(self, "do_" + self.command, None)
            if method is None:
                self.send_error(HTTPStatus.NOT_IMPLEMENTED,
                                "Unsupported method (%r)" % self.command)
                return
            method()
            self.wfile.flush()
        except TimeoutError as err:
            self.log_error("Request timed out: %r", err)
            self.close_connection = True

    def handle(self):
        """Serves requests on this connection until one closes it."""
        self.close_connection = True
        self.handle_one_request()
        while not self.close_connection:
            self.handle_one_request()

    # -- writing the answer ---------------------------------------------------

    def send_error(self, code, message=None, explain=None):
        """Sends an error status, a 'Connection: close' header and, for codes
        that have a body, an HTML page saying what went wrong."""
        short, long = self.responses.get(code, ("???", "???"))
        message = short if message is None else message
        explain = long if explain is None else explain
        self.log_error("code %d, message %s", code, message)
        self.send_response(code, message)
        self.send_header("Connection", "close")
        body = None
        if code >= 200 and code not in (HTTPStatus.NO_CONTENT, HTTPStatus.RESET_CONTENT,
                                        HTTPStatus.NOT_MODIFIED):
            page = self.error_message_format % {
                "code": code,
                "message": html.escape(message, quote=False),
                "explain": html.escape(explain, quote=False),
            }
            body = page.encode("UTF-8", "replace")
            self.send_header("Content-Type", self.error_content_type)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def send_response(self, code, message=None):
        """Logs the request, then queues the status line, Server and Date."""
        self.log_request(code)
        self.send_response_only(code, message)
        self.send_header("Server", self.version_string())
        self.send_header("Date", self.date_time_string())

    def send_response_only(self, code, message=None):
        """Queues just the status line (nothing for an HTTP/0.9 request)."""
        if self.request_version == "HTTP/0.9":
            return
        if message is None:
            message = self.responses[code][0] if code in self.responses else ""
        self._pending_headers().append(
            ("%s %d %s\r\n" % (self.protocol_version, code, message)).encode("latin-1", "strict"))

    def send_header(self, keyword, value):
        """Queues one header line; 'Connection' also decides keep-alive."""
        if self.request_version != "HTTP/0.9":
            self._pending_headers().append(
                ("%s: %s\r\n" % (keyword, value)).encode("latin-1", "strict"))
        if keyword.lower() == "connection":
            if value.lower() == "close":
                self.close_connection = True
            elif value.lower() == "keep-alive":
                self.close_connection = False

    def end_headers(self):
        """Ends the header block and sends everything queued."""
        if self.request_version != "HTTP/0.9":
            self._pending_headers().append(b"\r\n")
            self.flush_headers()

    def flush_headers(self):
        pending = getattr(self, "_headers_buffer", None)
        if pending:
            self.wfile.write(b"".join(pending))
        self._headers_buffer = []

    def _pending_headers(self):
        try:
            return self._headers_buffer
        except AttributeError:
            self._headers_buffer = []
            return self._headers_buffer

    # -- logging ----------------------------------------------------------------

    def log_request(self, code="-", size="-"):
        if isinstance(code, HTTPStatus):
            code = code.value
        self.log_message('"%s" %s %s', self.requestline, str(code), str(size))

    def log_error(self, format, *args):
        self.log_message(format, *args)

    def log_message(self, format, *args):
        """Writes one line to stderr: client, time, message (with control
        characters escaped, so a request cannot forge log lines)."""
        message = (format % args).translate(self._control_char_table)
        sys.stderr.write("%s - - [%s] %s\n" %
                         (self.address_string(), self.log_date_time_string(), message))

    def version_string(self):
        return self.server_version + " " + self.sys_version

    def date_time_string(self, timestamp=None):
        return _http_date(time.time() if timestamp is None else timestamp)

    def log_date_time_string(self):
        t = time.localtime(time.time())
        return "%02d/%3s/%04d %02d:%02d:%02d" % (
            t.tm_mday, self.monthname[t.tm_mon], t.tm_year, t.tm_hour, t.tm_min, t.tm_sec)

    def address_string(self):
        return self.client_address[0]


class SimpleHTTPRequestHandler(BaseHTTPRequestHandler):
    """Serves GET and HEAD from the files under [directory] (the current
    directory by default), with a generated listing for directories."""

    server_version = "SimpleHTTP/" + __version__
    index_pages = ("index.html", "index.htm")
    extensions_map = {
        ".gz": "application/gzip",
        ".Z": "application/octet-stream",
        ".bz2": "application/x-bzip2",
        ".xz": "application/x-xz",
    }

    def __init__(self, *args, directory=None, **kwargs):
        self.directory = os.fspath(os.getcwd() if directory is None else directory)
        super().__init__(*args, **kwargs)

    def do_GET(self):
        body = self.send_head()
        if body:
            try:
                self.copyfile(body, self.wfile)
            finally:
                body.close()

    def do_HEAD(self):
        body = self.send_head()
        if body:
            body.close()

    def send_head(self):
        """Sends the status and headers for a GET or HEAD; returns a file to
        copy as the body, or None when nothing more is to be sent."""
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            parts = urllib.parse.urlsplit(self.path)
            if not parts.path.endswith("/"):
                # Relative links in the listing need the trailing slash.
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                location = urllib.parse.urlunsplit(
                    (parts[0], parts[1], parts[2] + "/", parts[3], parts[4]))
                self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            for name in self.index_pages:
                candidate = os.path.join(path, name)
                if os.path.isfile(candidate):
                    path = candidate
                    break
            else:
                return self.list_directory(path)
        ctype = self.guess_type(path)
        if path.endswith("/"):
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        try:
            body = open(path, "rb")
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        try:
            info = os.fstat(body.fileno())
            if self._not_modified_since(info.st_mtime):
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self.end_headers()
                body.close()
                return None
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-type", ctype)
            self.send_header("Content-Length", str(info.st_size))
            self.send_header("Last-Modified", self.date_time_string(info.st_mtime))
            self.end_headers()
            return body
        except BaseException:
            body.close()
            raise

    def _not_modified_since(self, mtime):
        """Whether the request's If-Modified-Since covers [mtime] (ignored
        when If-None-Match is present, as RFC 7232 says)."""
        since = self.headers.get("If-Modified-Since")
        if since is None or "If-None-Match" in self.headers:
            return False
        seconds = _parse_http_date(since)
        return seconds is not None and int(mtime) <= seconds

    def list_directory(self, path):
        """Sends an HTML page linking every entry of [path]; returns it as a
        file to copy, or None after an error."""
        try:
            names = os.listdir(path)
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, "No permission to list directory")
            return None
        names.sort(key=lambda name: name.lower())
        try:
            shown = urllib.parse.unquote(self.path, errors="surrogatepass")
        except UnicodeDecodeError:
            shown = urllib.parse.unquote(self.path)
        shown = html.escape(shown, quote=False)
        encoding = sys.getfilesystemencoding()
        title = "Directory listing for %s" % shown
        lines = ['<!DOCTYPE HTML>', '<html lang="en">', '<head>',
                 '<meta charset="%s">' % encoding,
                 '<title>%s</title>\n</head>' % title,
                 '<body>\n<h1>%s</h1>' % title,
                 '<hr>\n<ul>']
        for name in names:
            full = os.path.join(path, name)
            label = link = name
            if os.path.isdir(full):
                label = link = name + "/"
            if os.path.islink(full):
                # A symlink is shown with '@' but linked by its own name.
                label = name + "@"
            lines.append('<li><a href="%s">%s</a></li>' % (
                urllib.parse.quote(link, errors="surrogatepass"),
                html.escape(label, quote=False)))
        lines.append('</ul>\n<hr>\n</body>\n</html>\n')
        page = "\n".join(lines).encode(encoding, "surrogateescape")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-type", "text/html; charset=%s" % encoding)
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        return io.BytesIO(page)

    def translate_path(self, path):
        """Maps a URL path to a file under self.directory. Query and fragment
        are dropped, and '..' or other special components cannot climb out
        of the directory."""
        path = path.split("?", 1)[0].split("#", 1)[0]
        wants_slash = path.rstrip().endswith("/")
        try:
            path = urllib.parse.unquote(path, errors="surrogatepass")
        except UnicodeDecodeError:
            path = urllib.parse.unquote(path)
        result = self.directory
        for word in posixpath.normpath(path).split("/"):
            if not word or os.path.dirname(word) or word in (os.curdir, os.pardir):
                continue
            result = os.path.join(result, word)
        return result + "/" if wants_slash else result

    def copyfile(self, source, outputfile):
        shutil.copyfileobj(source, outputfile)

    def guess_type(self, path):
        """The Content-Type for [path]: extensions_map first (exact, then
        lower-cased extension), then mimetypes, else octet-stream."""
        ext = posixpath.splitext(path)[1]
        if ext in self.extensions_map:
            return self.extensions_map[ext]
        if ext.lower() in self.extensions_map:
            return self.extensions_map[ext.lower()]
        guessed = mimetypes.guess_type(path)[0]
        return guessed or "application/octet-stream"


def _get_best_family(*address):
    infos = socket.getaddrinfo(*address, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, _, _, _, sockaddr = infos[0]
    return family, sockaddr


def test(HandlerClass=BaseHTTPRequestHandler, ServerClass=ThreadingHTTPServer,
         protocol="HTTP/1.0", port=8000, bind=None):
    """Serves forever on [bind]:[port] with [HandlerClass] until Ctrl-C."""
    ServerClass.address_family, address = _get_best_family(bind, port)
    HandlerClass.protocol_version = protocol
    with ServerClass(address, HandlerClass) as httpd:
        host, port = httpd.socket.getsockname()[:2]
        url_host = "[%s]" % host if ":" in host else host
        print("Serving HTTP on %s port %d (http://%s:%d/) ..." % (host, port, url_host, port))
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            print("\nKeyboard interrupt received, exiting.")
            sys.exit(0)


def _main(argv=None):
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument("-b", "--bind", metavar="ADDRESS",
                        help="bind to this address (default: all interfaces)")
    parser.add_argument("-d", "--directory", default=os.getcwd(),
                        help="serve this directory (default: current directory)")
    parser.add_argument("-p", "--protocol", metavar="VERSION", default="HTTP/1.0",
                        help="conform to this HTTP version (default: HTTP/1.0)")
    parser.add_argument("port", default=8000, type=int, nargs="?",
                        help="bind to this port (default: 8000)")
    args = parser.parse_args(argv)

    class DualStackServer(ThreadingHTTPServer):
        def server_bind(self):
            # Accept IPv4 clients on an IPv6 socket too, where allowed.
            if self.address_family == socket.AF_INET6 and hasattr(socket, "IPV6_V6ONLY"):
                try:
                    self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
                except OSError:
                    pass
            return super().server_bind()

        def finish_request(self, request, client_address):
            self.RequestHandlerClass(request, client_address, self,
                                     directory=args.directory)

    test(HandlerClass=SimpleHTTPRequestHandler, ServerClass=DualStackServer,
         port=args.port, bind=args.bind, protocol=args.protocol)


if __name__ == "__main__":
    _main()
