# http.server.SimpleHTTPRequestHandler serving a temporary directory: files,
# listings, the trailing-slash redirect, HEAD, 404s, If-Modified-Since, and
# paths that try to climb out of the directory.
import functools
import os
import re
import socket
import tempfile
import threading
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def fetch(raw):
    with socket.create_connection(server.server_address) as sock:
        sock.sendall(raw)
        chunks = []
        while True:
            data = sock.recv(65536)
            if not data:
                break
            chunks.append(data)
    reply = b"".join(chunks).decode("utf-8")
    for header in ("Date", "Server", "Last-Modified"):
        reply = re.sub(header + r": [^\r]*", header + ": <varies>", reply)
    return reply.replace("\r\n", "\n")


with tempfile.TemporaryDirectory() as root:
    os.mkdir(os.path.join(root, "sub dir"))
    os.mkdir(os.path.join(root, "site"))
    with open(os.path.join(root, "hello.txt"), "w") as f:
        f.write("hello, world\n")
    with open(os.path.join(root, "data.json"), "w") as f:
        f.write('{"a": 1}')
    with open(os.path.join(root, "B<&>.html"), "w") as f:
        f.write("<p>b</p>")
    with open(os.path.join(root, "site", "index.html"), "w") as f:
        f.write("<h1>index</h1>")
    with open(os.path.join(root, "sub dir", "x.tar.gz"), "wb") as f:
        f.write(b"\x1f\x8b")
    os.symlink("hello.txt", os.path.join(root, "link"))
    stamp = 1_000_000_000
    os.utime(os.path.join(root, "hello.txt"), (stamp, stamp))

    handler = functools.partial(Quiet, directory=root)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        print(fetch(b"GET /hello.txt HTTP/1.0\r\n\r\n"))
        print(fetch(b"HEAD /data.json HTTP/1.0\r\n\r\n"))
        print(fetch(b"GET / HTTP/1.0\r\n\r\n"))
        print(fetch(b"GET /sub%20dir HTTP/1.0\r\n\r\n"))
        print(fetch(b"GET /sub%20dir/ HTTP/1.0\r\n\r\n"))
        print(fetch(b"GET /site/ HTTP/1.0\r\n\r\n"))
        print(fetch(b"GET /nope.txt HTTP/1.0\r\n\r\n").split("\n\n")[0])
        print(fetch(b"GET /../../etc/passwd HTTP/1.0\r\n\r\n").split("\n")[0])
        print(fetch(b"GET /hello.txt?q=1#frag HTTP/1.0\r\n\r\n").split("\n")[0])
        print(fetch(b"GET /hello.txt HTTP/1.0\r\n"
                    b"If-Modified-Since: Sun, 09 Sep 2001 01:46:40 GMT\r\n\r\n"))
        print(fetch(b"GET /hello.txt HTTP/1.0\r\n"
                    b"If-Modified-Since: Sun, 09 Sep 2001 01:46:39 GMT\r\n\r\n").split("\n")[0])
        url = "http://%s:%d/hello.txt" % server.server_address
        with urllib.request.urlopen(url) as response:
            print(response.status, response.headers["Content-Type"], response.read())
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

h = Quiet.__new__(Quiet)
h.directory = "/srv"
for path in ("/a/b", "/a/../../b/", "/%2e%2e/x", "/a?b#c", "//x//y"):
    print(path, "->", h.translate_path(path))
for name in ("a.gz", "a.Z", "a.TXT", "a.html", "a.unknownext", "noext"):
    print(name, h.guess_type(name))
print(h.date_time_string(stamp), h.date_time_string(0), h.date_time_string(951782400.5))
