# socketserver: a UDP server with DatagramRequestHandler, and a forking TCP
# server whose handler runs in a child process.
import os
import socket
import socketserver
import threading


class Reverse(socketserver.DatagramRequestHandler):
    def handle(self):
        self.wfile.write(self.rfile.read()[::-1])


with socketserver.UDPServer(("127.0.0.1", 0), Reverse) as server:
    t = threading.Thread(target=server.handle_request)
    t.start()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.sendto(b"datagram", server.server_address)
        print(sock.recvfrom(100)[0])
    t.join()


class Pid(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.sendall(b"child" if os.getpid() != parent else b"parent")


parent = os.getpid()
with socketserver.ForkingTCPServer(("127.0.0.1", 0), Pid) as server:
    replies = []
    for _ in range(3):
        sock = socket.create_connection(server.server_address)
        server.handle_request()
        replies.append(sock.recv(100))
        sock.close()
    print(replies)
print("children left", server.active_children)
