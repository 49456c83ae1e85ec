# http.client.HTTPConnection against http.server: keep-alive, bodies by
# Content-Length, chunked coding and connection close, HEAD, request bodies
# of every kind, the state machine's errors, and malformed responses.
import http.client
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def reply(self, body, *headers):
        self.send_response(200)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for piece in (b"first line\n", b"sec", b"ond line\n", b"x" * 20):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\nTrailer: yes\r\n\r\n")
        elif self.path == "/close":
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"until the end")
        elif self.path == "/short":
            self.reply(b"abc", ("Content-Length", "10"), ("Connection", "close"))
        else:
            body = ("GET %s host=%s enc=%s\n" % (
                self.path, self.headers["Host"], self.headers["Accept-Encoding"])).encode()
            self.reply(body, ("Content-Length", len(body)), ("X-Multi", "a"), ("X-Multi", "b"))

    def do_HEAD(self):
        self.reply(b"", ("Content-Length", "1234"))

    def do_POST(self):
        if self.headers.get("Transfer-Encoding") == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline(), 16)
                if not size:
                    self.rfile.readline()
                    break
                data += self.rfile.read(size)
                self.rfile.readline()
            how = "chunked"
        else:
            data = self.rfile.read(int(self.headers["Content-Length"]))
            how = "length=" + self.headers["Content-Length"]
        body = ("%s %r\n" % (how, data)).encode()
        self.reply(body, ("Content-Length", len(body)))


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}).start()
host, port = server.server_address

try:
    conn = http.client.HTTPConnection(host, port, timeout=10)
    conn.request("GET", "/one")
    r = conn.getresponse()
    print(r.status, r.reason, r.version, r.getheader("X-Multi"), r.getheader("Nope", "dflt"))
    print(r.read().replace(b":%d" % port, b":PORT"))
    first_sock = conn.sock
    conn.request("GET", "/two", headers={"Host": "example.test"})
    r = conn.getresponse()
    print("same socket", conn.sock is first_sock, r.read(4), r.read(), r.isclosed())
    conn.request("HEAD", "/h")
    r = conn.getresponse()
    print("HEAD", r.status, r.getheader("Content-Length"), r.read(), r.isclosed())
    conn.request("GET", "/chunked")
    r = conn.getresponse()
    print("chunked", r.chunked, r.readline(), r.read(5), r.read())
    for body in (b"bytes!", "text", bytearray(b"ba"), memoryview(b"mv"),
                 iter([b"it", b"", b"er"]), None):
        conn.request("POST", "/p", body=body)
        print(conn.getresponse().read())
    conn.request("GET", "/close")
    r = conn.getresponse()
    print("close", r.will_close, conn.sock, r.read())
    conn.request("GET", "/again")
    print("reopened", conn.getresponse().read().replace(b":%d" % port, b":PORT"))
    conn.request("GET", "/short")
    r = conn.getresponse()
    try:
        r.read()
    except http.client.IncompleteRead as err:
        print("IncompleteRead", repr(err), err.partial, err.expected)
    conn.request("GET", "/lines")
    r = conn.getresponse()
    print([line.replace(b":%d" % port, b":PORT") for line in r], sorted(k for k, v in r.getheaders()))
    print("after lines", r.isclosed(), r.read(), r.isclosed())

    conn.putrequest("GET", "/x")
    try:
        conn.request("GET", "/y")
    except http.client.CannotSendRequest as err:
        print("CannotSendRequest", err)
    try:
        conn.getresponse()
    except http.client.ResponseNotReady as err:
        print("ResponseNotReady", err)
    conn.endheaders()
    conn.getresponse().read()
    try:
        conn.putheader("X", "y")
    except http.client.CannotSendHeader as err:
        print("CannotSendHeader", type(err).__name__)
    for bad in (lambda: conn.request("GET", "/a b"),
                lambda: conn.request("GE\nT", "/"),
                lambda: http.client.HTTPConnection("host:port"),
                lambda: http.client.HTTPConnection("ho\x00st")):
        try:
            bad()
        except (http.client.InvalidURL, ValueError) as err:
            print(type(err).__name__, err)
        conn.close()
    for name, value in (("Bad Name:", "v"), ("X", "line\nbreak")):
        conn.putrequest("GET", "/")
        try:
            conn.putheader(name, value)
        except ValueError as err:
            print("ValueError", err)
        conn.close()
    try:
        conn.request("POST", "/", body="caf\u00e9 \u2603")
    except UnicodeEncodeError as err:
        print("UnicodeEncodeError", err)
    conn.close()
    print(http.client.HTTPConnection("[::1]:8080").host, http.client.HTTPConnection("h:").port)
finally:
    server.shutdown()
    server.server_close()

# A server that answers garbage, then one that hangs up without a word.
for answer in (b"garbage\r\n\r\n", b""):
    listener = socket.create_server(("127.0.0.1", 0))

    def serve_once():
        peer, _ = listener.accept()
        peer.recv(1000)
        peer.sendall(answer)
        peer.close()

    t = threading.Thread(target=serve_once)
    t.start()
    conn = http.client.HTTPConnection(*listener.getsockname())
    conn.request("GET", "/")
    try:
        conn.getresponse()
    except http.client.HTTPException as err:
        print(type(err).__name__, repr(err.args), isinstance(err, ConnectionResetError))
    t.join()
    listener.close()
