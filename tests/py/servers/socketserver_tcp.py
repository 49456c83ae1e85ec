# socketserver: a threaded TCP echo server, handle_request with a timeout,
# verify_request refusing a client, and handle_error carrying on.
import socket
import socketserver
import sys
import threading


class Upper(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            if line.strip() == b"boom":
                raise ValueError("handler failed")
            self.wfile.write(line.upper())


def talk(address, lines):
    with socket.create_connection(address) as sock:
        sock.sendall(b"".join(lines))
        try:
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the server may have closed first
        chunks = []
        while True:
            try:
                data = sock.recv(4096)
            except ConnectionResetError:
                data = b""
            if not data:
                return b"".join(chunks)
            chunks.append(data)


errors = []


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        errors.append(sys.exc_info()[0].__name__)


def run_clients(server):
    print(talk(server.server_address, [b"hello\n", b"world\n"]))
    results = [None] * 8

    def client(i):
        results[i] = talk(server.server_address, [b"client %d\n" % i])

    threads = [threading.Thread(target=client, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(results)
    print(talk(server.server_address, [b"boom\n"]))


with Server(("127.0.0.1", 0), Upper) as server:
    host, port = server.server_address
    print("bound", host, port > 0, type(server.socket).__name__)
    serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    serving.start()
    try:
        run_clients(server)
    finally:
        server.shutdown()
        serving.join()
print("errors", errors)


class Picky(socketserver.TCPServer):
    timeouts = 0

    def verify_request(self, request, client_address):
        return False

    def handle_timeout(self):
        self.timeouts += 1


with Picky(("127.0.0.1", 0), Upper) as server:
    server.timeout = 0.05
    server.handle_request()
    print("timeouts", server.timeouts)
    sock = socket.create_connection(server.server_address)
    server.handle_request()
    print("refused reply", sock.recv(100))
    sock.close()

print(issubclass(socketserver.ThreadingTCPServer, socketserver.ThreadingMixIn),
      socketserver.TCPServer.request_queue_size, socketserver.UDPServer.max_packet_size)
