# ssl.SSLContext without a network: defaults, CPython's rules between
# verify_mode and check_hostname, loading trust (PEM, DER, files) and the
# errors for bad input. CPython's ssl messages end with "(_ssl.c:NNN)";
# gilpy's do not, so that suffix is cut.
import base64
import os
import re
import ssl
import tempfile

PEM = """-----BEGIN CERTIFICATE-----
MIIBiTCCAS+gAwIBAgIULJC4Bb+4gV29iflyB2u0QxKJ0IowCgYIKoZIzj0EAwIw
GTEXMBUGA1UEAwwOZ2lscHkgc3NsIHRlc3QwIBcNMjYxMTI0MDYwOTQzWhgPMjEy
NjEwMzEwNjA5NDNaMBkxFzAVBgNVBAMMDmdpbHB5IHNzbCB0ZXN0MFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAE3+hFmhGZy1kT/yEI0AzdvCEd7/zLm8NHxkOPQ5hf
QlVKwTXnN7FkizBV0++RbzcLUhT7cWZlhGmCdwspOOounaNTMFEwHQYDVR0OBBYE
FBkxdgtQgTu+CEDrlImYgqScw8XkMB8GA1UdIwQYMBaAFBkxdgtQgTu+CEDrlImY
gqScw8XkMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIgPxC/CKVy
jZOZ2ejK1EzwXMrkongbVmq/JH9r2GBgARwCIQCp5tv3qtfpXsXtxaXlyi2tuEBo
4fT2twrY38IytPxYLA==
-----END CERTIFICATE-----
"""
DER = base64.b64decode(''.join(PEM.splitlines()[1:-1]))


def attempt(what, fn, *args, **kwargs):
    try:
        result = fn(*args, **kwargs)
    except Exception as e:
        print('%s: %s: %s' % (what, type(e).__name__, re.sub(r' \(_ssl\.c:\d+\)', '', str(e))))
    else:
        print('%s: %r' % (what, result))


for make in (ssl.create_default_context, ssl._create_unverified_context,
             lambda: ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)):
    c = make()
    print(repr(c.verify_mode), c.check_hostname, repr(c.protocol), repr(c.minimum_version),
          repr(c.maximum_version))
print(repr(ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).protocol))
attempt('bad purpose', ssl.create_default_context, 'server')

c = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
attempt('CERT_NONE while checking host names', setattr, c, 'verify_mode', ssl.CERT_NONE)
c.check_hostname = False
c.verify_mode = ssl.CERT_OPTIONAL
print('optional:', repr(c.verify_mode), c.check_hostname)
c.verify_mode = ssl.CERT_NONE
c.check_hostname = True
print('check_hostname=True:', repr(c.verify_mode))
c.maximum_version = ssl.TLSVersion.TLSv1_2
print('maximum_version:', repr(c.maximum_version))
attempt('maximum_version 0x305', setattr, c, 'maximum_version', 0x305)

attempt('PEM cadata', c.load_verify_locations, cadata=PEM)
attempt('DER cadata', c.load_verify_locations, cadata=DER)
attempt('two DER certificates', c.load_verify_locations, cadata=DER + DER)
attempt('truncated DER', c.load_verify_locations, cadata=DER[:-5])
attempt('bytearray cadata', c.load_verify_locations, cadata=bytearray(DER))
attempt('cadata list', c.load_verify_locations, cadata=[PEM])
attempt('cafile int', c.load_verify_locations, cafile=3)
with tempfile.TemporaryDirectory() as d:
    ca = os.path.join(d, 'ca.pem')
    with open(ca, 'w') as f:
        f.write('some text\n' + PEM)
    attempt('cafile', c.load_verify_locations, ca)
    attempt('cafile bytes path', c.load_verify_locations, os.fsencode(ca))
    attempt('create_default_context(cafile=...)', lambda: ssl.create_default_context(
        cafile=ca).verify_mode)
    attempt('capath', c.load_verify_locations, capath=d)
    notes = os.path.join(d, 'notes.txt')
    with open(notes, 'w') as f:
        f.write('no certificates here\n')
    attempt('cafile without certificates', c.load_verify_locations, notes)
    attempt('certificate without its key', c.load_cert_chain, ca)
    attempt('key file missing', c.load_cert_chain, ca, os.path.join(d, 'none.key'))
    attempt('password of the wrong type', c.load_cert_chain, ca, password=3)
attempt('directory as cafile', c.load_verify_locations, '/')
attempt('ALPN', c.set_alpn_protocols, ['h2', 'http/1.1'])
attempt('ALPN too long', c.set_alpn_protocols, ['x' * 256])
e = ssl.SSLError(1, 'went wrong')
print('SSLError:', str(e), e.errno, e.strerror, str(ssl.SSLError('only')))
print('is ValueError:', issubclass(ssl.CertificateError, ValueError),
      issubclass(ssl.SSLCertVerificationError, OSError))
