"""The https test bed of tests/http/https_*.py: a throw-away CA and
certificates made with the openssl CLI, and nginx (from Debian) serving
TLS on free loopback ports with a configuration of our own, all in a
temporary directory. Runs under gilpy and under CPython alike.

    with TLSServer() as srv:   # exits 77 ("SKIP: ...") without nginx/openssl
        srv.url('ca', '/small.txt')

Servers (name -> certificate, what it is for):
  ca      CA-signed, subjectAltName IP:127.0.0.1 and DNS:localhost, HTTP/2
  self    self-signed (IP:127.0.0.1, DNS:localhost)
  iponly  CA-signed, IP:127.0.0.1 only: https://localhost is a mismatch
  mtls    like ca, and asks for a client certificate signed by the CA
  tls13   like ca, TLS 1.3 only
Every response carries X-Conn: nginx's connection number.
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

from _nginx_check import find_nginx, free_port

CONF = """\
worker_processes 1;
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/tmp;
    proxy_temp_path {root}/tmp;
    fastcgi_temp_path {root}/tmp;
    uwsgi_temp_path {root}/tmp;
    scgi_temp_path {root}/tmp;
    default_type application/octet-stream;
    keepalive_requests 100000;
    root {root}/www;
    add_header X-Conn $connection always;
{servers}
}}
"""

SERVER = """\
    server {{
        listen 127.0.0.1:{port} ssl http2;
        ssl_certificate {root}/{cert}.pem;
        ssl_certificate_key {root}/{cert}.key;
        ssl_protocols {protocols};
{extra}    }}
"""

SERVERS = {
    # name: (certificate, protocols, extra directives)
    'ca': ('server', 'TLSv1.2 TLSv1.3', ''),
    'self': ('self', 'TLSv1.2 TLSv1.3', ''),
    'iponly': ('iponly', 'TLSv1.2 TLSv1.3', ''),
    'mtls': ('server', 'TLSv1.2 TLSv1.3',
             '        ssl_client_certificate {root}/ca.pem;\n        ssl_verify_client on;\n'),
    'tls13': ('server', 'TLSv1.3', ''),
}

EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']


def _openssl(openssl, cwd, *args):
    proc = subprocess.run([openssl] + list(args), cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    if proc.returncode != 0:
        raise RuntimeError('openssl %s failed: %s' % (args[0], proc.stderr.decode()))
    return proc.stdout


def make_certificates(openssl, d):
    """ca.pem/.key/.der, server, iponly, client (signed by the CA; its key
    also as client-enc.key, encrypted with the password "sesame"), self
    (self-signed) and capath/ (ca.pem under its hash name)."""
    _openssl(openssl, d, 'req', '-x509', *EC, '-keyout', 'ca.key', '-out', 'ca.pem',
             '-days', '2', '-subj', '/CN=gilpy test CA',
             '-addext', 'basicConstraints=critical,CA:TRUE',
             '-addext', 'keyUsage=critical,keyCertSign,cRLSign')
    _openssl(openssl, d, 'x509', '-in', 'ca.pem', '-outform', 'DER', '-out', 'ca.der')
    leaves = (('server', 'IP:127.0.0.1,DNS:localhost', 'serverAuth'),
              ('iponly', 'IP:127.0.0.1', 'serverAuth'),
              ('client', 'DNS:client.test', 'clientAuth'))
    for name, san, usage in leaves:
        _openssl(openssl, d, 'req', *EC, '-keyout', name + '.key', '-out', name + '.csr',
                 '-subj', '/CN=' + name)
        with open(os.path.join(d, name + '.ext'), 'w') as f:
            f.write('subjectAltName=%s\nbasicConstraints=CA:FALSE\n'
                    'keyUsage=critical,digitalSignature\nextendedKeyUsage=%s\n' % (san, usage))
        _openssl(openssl, d, 'x509', '-req', '-in', name + '.csr', '-CA', 'ca.pem',
                 '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-out', name + '.pem',
                 '-extfile', name + '.ext')
    _openssl(openssl, d, 'pkey', '-in', 'client.key', '-aes256', '-passout', 'pass:sesame',
             '-out', 'client-enc.key')
    _openssl(openssl, d, 'req', '-x509', *EC, '-keyout', 'self.key', '-out', 'self.pem',
             '-days', '2', '-subj', '/CN=127.0.0.1',
             '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost')
    digest = _openssl(openssl, d, 'x509', '-in', 'ca.pem', '-noout', '-hash').decode().strip()
    os.mkdir(os.path.join(d, 'capath'))
    shutil.copy(os.path.join(d, 'ca.pem'), os.path.join(d, 'capath', digest + '.0'))


# The large file: 3 MiB and a bit of a pattern that does not repeat at a
# power of two, so a misplaced chunk changes its digest.
BIG = bytes(range(251)) * 12600


def _write_files(www):
    os.makedirs(www)
    with open(os.path.join(www, 'small.txt'), 'w') as f:
        f.write('hello, tls\n')
    with open(os.path.join(www, 'big.bin'), 'wb') as f:
        f.write(BIG)


class TLSServer:
    def __init__(self):
        nginx = find_nginx()
        openssl = shutil.which('openssl')
        if nginx is None or openssl is None:
            print('SKIP: %s is not installed' % ('nginx' if nginx is None else 'openssl'))
            sys.exit(77)
        self.nginx = nginx
        self.openssl = openssl
        self.root = None
        self.proc = None
        self.ports = {}

    def path(self, name):
        return os.path.join(self.root, name)

    def url(self, server, path, host='127.0.0.1'):
        return 'https://%s:%d%s' % (host, self.ports[server], path)

    def __enter__(self):
        self.root = tempfile.mkdtemp(prefix='gilpy-tls-')
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self):
        # nginx's workers may run as another user (nobody, when started by root).
        os.chmod(self.root, 0o755)
        os.makedirs(self.path('tmp'))
        make_certificates(self.openssl, self.root)
        _write_files(self.path('www'))
        blocks = []
        for name, (cert, protocols, extra) in SERVERS.items():
            self.ports[name] = free_port()
            blocks.append(SERVER.format(port=self.ports[name], root=self.root, cert=cert,
                                        protocols=protocols,
                                        extra=extra.format(root=self.root)))
        with open(self.path('nginx.conf'), 'w') as f:
            f.write(CONF.format(root=self.root, servers=''.join(blocks)))
        self.proc = subprocess.Popen([self.nginx, '-p', self.root, '-c', self.path('nginx.conf')],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for port in self.ports.values():
            if not self._wait_for(port):
                err = self.proc.stderr.read().decode() if self.proc.poll() is not None else ''
                raise RuntimeError('nginx did not start: ' + err)

    def _wait_for(self, port, seconds=20):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                with socket.create_connection(('127.0.0.1', port), timeout=1):
                    return True
            except OSError:
                time.sleep(0.05)
        return False

    def stop(self):
        if self.proc is not None:
            if self.proc.poll() is None:
                # Fast shutdown: a graceful one waits for idle keep-alive
                # connections that the clients keep open.
                self.proc.send_signal(signal.SIGTERM)
                try:
                    self.proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
            self.proc.stderr.close()
            self.proc = None
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def __exit__(self, *exc):
        self.stop()
