# http.server.BaseHTTPRequestHandler over raw sockets: status lines, headers,
# error pages, HTTP/0.9, keep-alive, unsupported methods, and the log lines.
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

logs = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        logs.append(format % args)

    def do_GET(self):
        if self.path == "/missing":
            self.send_error(404)
            return
        if self.path == "/teapot":
            self.send_error(418, "I'm short", "and <stout>")
            return
        body = ("path=%s version=%s ua=%s\n" % (
            self.path, self.request_version, self.headers.get("User-Agent"))).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        data = self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(201, "Made")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data[::-1])


def exchange(raw):
    with socket.create_connection(server.server_address) as sock:
        sock.sendall(raw)
        chunks = []
        while True:
            data = sock.recv(65536)
            if not data:
                break
            chunks.append(data)
    reply = b"".join(chunks).decode("latin-1")
    # Date and Server vary with the clock and the interpreter's version.
    reply = re.sub(r"Date: [^\r]*", "Date: <date>", reply)
    return re.sub(r"Server: [^\r]*", "Server: <server>", reply)


server = HTTPServer(("127.0.0.1", 0), Handler)
thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
thread.start()
try:
    print(exchange(b"GET /hello?x=1 HTTP/1.0\r\nUser-Agent: test\r\n\r\n"))
    print(exchange(b"GET /missing HTTP/1.0\r\n\r\n"))
    print(exchange(b"GET /teapot HTTP/1.0\r\n\r\n"))
    print(exchange(b"POST /p HTTP/1.0\r\nContent-Length: 5\r\n\r\nabcde"))
    print(exchange(b"BREW /pot HTTP/1.0\r\n\r\n"))
    print(exchange(b"GET /v HTTP/1.x\r\n\r\n"))
    print(exchange(b"GET /v HTTP/2.0\r\n\r\n"))
    print(exchange(b"GET / HTTP/1.0 extra\r\n\r\n"))
    print(exchange(b"PUT /old\r\n"))
    print(repr(exchange(b"GET /zero\r\n\r\n")))
    print(exchange(b"GET //double/slash HTTP/1.0\r\n\r\n"))
    print(exchange(b"GET /" + b"a" * 70000 + b" HTTP/1.0\r\n\r\n")[:120])
    # HTTP/1.1 keeps the connection open only if the handler speaks 1.1.
    Handler.protocol_version = "HTTP/1.1"
    print(exchange(b"GET /one HTTP/1.1\r\n\r\nGET /two HTTP/1.1\r\nConnection: close\r\n\r\n"))
finally:
    server.shutdown()
    server.server_close()
    thread.join()
for line in logs:
    print(line[:100])
h = BaseHTTPRequestHandler
print(h.server_version, h.protocol_version, h.default_request_version,
      h.responses[200], h.error_content_type)
