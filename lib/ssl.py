"""TLS settings for https: SSLContext, create_default_context() and the
ssl exceptions, as far as gilpy's HTTP clients use them.

Design notes
------------
gilpy has no socket-level TLS: urllib.request and aiohttp do https through
libcurl (OpenSSL backend), so this module is the part of CPython's ssl that
describes *how* to verify a server - the context - not a TLS socket.
`wrap_socket`, `SSLSocket` and `SSLObject` are deliberately absent.

An SSLContext records what a program asks for (verify_mode,
check_hostname, trusted CAs, TLS versions, client certificate, ALPN) and
turns it into libcurl options for each transfer (_curl_options(), the
`tls=` argument of _gpcurl.Transfer):

  - CERT_NONE turns off CURLOPT_SSL_VERIFYPEER; check_hostname is
    CURLOPT_SSL_VERIFYHOST. For a client CERT_OPTIONAL means what
    CERT_REQUIRED means, as in OpenSSL.
  - Trust is read when it is loaded, as CPython does: load_verify_locations
    reads a cafile (PEM) or cadata (PEM text or DER bytes) into memory at
    once and the transfer gets all of it as CURLOPT_CAINFO_BLOB; capath
    directories become CURLOPT_CAPATH (looked up when a connection is
    verified, as OpenSSL does). load_default_certs()/
    set_default_verify_paths() add libcurl's built-in bundle (CURLOPT_CAINFO,
    read by libcurl per connection; libcurl ignores it beside a blob, so
    then its certificates join the blob) and directory, or $SSL_CERT_FILE /
    $SSL_CERT_DIR. A context that loaded nothing trusts nothing, as
    CPython's.
  - minimum_version/maximum_version become CURLOPT_SSLVERSION;
    load_cert_chain() CURLOPT_SSLCERT/SSLKEY/KEYPASSWD.
  - set_alpn_protocols() decides what libcurl offers: it speaks only h2
    and http/1.1, so a list with 'h2' lets it negotiate HTTP/2, one with
    only 'http/1.1' keeps it to HTTP/1.1, and a list with neither turns
    ALPN off.

Errors come from libcurl after the fact; _error_from_curl() turns its
result code, message and certificate check result into the SSLError
(SSLCertVerificationError for verification) CPython's _ssl raises for the
same fault, without CPython's "(_ssl.c:NNN)" suffix.
"""

import binascii
import os
from collections import namedtuple
from enum import Enum as _Enum, IntEnum as _IntEnum

import _gpcurl

__all__ = [
    'SSLContext', 'create_default_context', 'get_default_verify_paths',
    'SSLError', 'SSLZeroReturnError', 'SSLWantReadError', 'SSLWantWriteError',
    'SSLSyscallError', 'SSLEOFError', 'SSLCertVerificationError', 'CertificateError',
    'VerifyMode', 'TLSVersion', 'Purpose', 'CERT_NONE', 'CERT_OPTIONAL', 'CERT_REQUIRED',
    'PROTOCOL_TLS', 'PROTOCOL_SSLv23', 'PROTOCOL_TLS_CLIENT', 'PROTOCOL_TLS_SERVER',
    'HAS_SNI', 'HAS_ALPN', 'OPENSSL_VERSION', 'DefaultVerifyPaths',
]


# ---------------------------------------------------------------------------
# Exceptions
# ---------------------------------------------------------------------------

class SSLError(OSError):
    """An error in the TLS layer."""

    def __str__(self):
        if isinstance(self.strerror, str):
            return self.strerror
        return str(self.args)


class SSLZeroReturnError(SSLError):
    """The TLS connection was closed cleanly."""


class SSLWantReadError(SSLError):
    """Non-blocking TLS needs to read first."""


class SSLWantWriteError(SSLError):
    """Non-blocking TLS needs to write first."""


class SSLSyscallError(SSLError):
    """A system call failed under TLS."""


class SSLEOFError(SSLError):
    """The connection ended in violation of the TLS protocol."""


class SSLCertVerificationError(SSLError, ValueError):
    """The peer's certificate did not verify."""


CertificateError = SSLCertVerificationError


# ---------------------------------------------------------------------------
# Constants
# ---------------------------------------------------------------------------

class VerifyMode(_IntEnum):
    CERT_NONE = 0
    CERT_OPTIONAL = 1
    CERT_REQUIRED = 2


CERT_NONE = VerifyMode.CERT_NONE
CERT_OPTIONAL = VerifyMode.CERT_OPTIONAL
CERT_REQUIRED = VerifyMode.CERT_REQUIRED


class _SSLMethod(_IntEnum):
    PROTOCOL_TLS = 2
    PROTOCOL_TLS_CLIENT = 16
    PROTOCOL_TLS_SERVER = 17
    PROTOCOL_SSLv23 = 2


PROTOCOL_TLS = _SSLMethod.PROTOCOL_TLS
PROTOCOL_SSLv23 = _SSLMethod.PROTOCOL_SSLv23
PROTOCOL_TLS_CLIENT = _SSLMethod.PROTOCOL_TLS_CLIENT
PROTOCOL_TLS_SERVER = _SSLMethod.PROTOCOL_TLS_SERVER


class TLSVersion(_IntEnum):
    MINIMUM_SUPPORTED = -2
    SSLv3 = 0x0300
    TLSv1 = 0x0301
    TLSv1_1 = 0x0302
    TLSv1_2 = 0x0303
    TLSv1_3 = 0x0304
    MAXIMUM_SUPPORTED = -1


# CURLOPT_SSLVERSION values (curl/curl.h): the lowest version in the low
# 16 bits, the highest shifted left by 16.
# 16 bits, the highest shifted left by 16; 0 leaves it to OpenSSL and the
# system's configuration (Debian's openssl.cnf asks for TLS 1.2 at least),
# as CPython's MINIMUM_SUPPORTED and MAXIMUM_SUPPORTED do.
_CURL_MIN = {TLSVersion.MINIMUM_SUPPORTED: 0, TLSVersion.SSLv3: 3, TLSVersion.TLSv1: 4,
             TLSVersion.TLSv1_1: 5, TLSVersion.TLSv1_2: 6, TLSVersion.TLSv1_3: 7,
             TLSVersion.MAXIMUM_SUPPORTED: 7}
_CURL_MAX = {TLSVersion.MINIMUM_SUPPORTED: 4 << 16, TLSVersion.SSLv3: 4 << 16,
             TLSVersion.TLSv1: 4 << 16, TLSVersion.TLSv1_1: 5 << 16,
             TLSVersion.TLSv1_2: 6 << 16, TLSVersion.TLSv1_3: 7 << 16,
             TLSVersion.MAXIMUM_SUPPORTED: 0}
# CURLOPT_HTTP_VERSION: CURL_HTTP_VERSION_1_1.
_CURL_HTTP_1_1 = 2

HAS_SNI = bool(_gpcurl.SSL)
HAS_ALPN = bool(_gpcurl.SSL)
HAS_TLSv1_2 = HAS_TLSv1_3 = bool(_gpcurl.SSL)


def _openssl_version():
    """OPENSSL_VERSION and its number and tuple, from libcurl's TLS
    library ("OpenSSL/3.0.19"); the release date CPython shows is not known."""
    name, _, version = (_gpcurl.SSL_VERSION or '').partition('/')
    parts = version.split('.')
    if name != 'OpenSSL' or len(parts) != 3 or not all(p.isdigit() for p in parts):
        return (_gpcurl.SSL_VERSION or 'none'), 0, (0, 0, 0, 0, 0)
    major, minor, patch = (int(p) for p in parts)
    number = major << 28 | minor << 20 | patch << 4
    return 'OpenSSL %s' % version, number, (major, minor, 0, patch, 0)


OPENSSL_VERSION, OPENSSL_VERSION_NUMBER, OPENSSL_VERSION_INFO = _openssl_version()

_ASN1 = namedtuple('_ASN1Object', 'nid shortname longname oid')
_PURPOSES = {
    '1.3.6.1.5.5.7.3.1': (129, 'serverAuth', 'TLS Web Server Authentication'),
    '1.3.6.1.5.5.7.3.2': (130, 'clientAuth', 'TLS Web Client Authentication'),
}


class _ASN1Object(_ASN1):
    """An OID with its OpenSSL names; only the two purposes are known."""
    __slots__ = ()

    def __new__(cls, oid):
        try:
            nid, short, long = _PURPOSES[oid]
        except (KeyError, TypeError):
            raise ValueError('unknown object %r' % (oid,)) from None
        return super().__new__(cls, nid, short, long, oid)


class Purpose(_ASN1Object, _Enum):
    """What a context's certificates are for."""
    SERVER_AUTH = '1.3.6.1.5.5.7.3.1'
    CLIENT_AUTH = '1.3.6.1.5.5.7.3.2'


DefaultVerifyPaths = namedtuple(
    'DefaultVerifyPaths',
    'cafile capath openssl_cafile_env openssl_cafile openssl_capath_env openssl_capath')


def get_default_verify_paths():
    """Where the default certificates come from: $SSL_CERT_FILE and
    $SSL_CERT_DIR when set, else libcurl's built-in bundle and directory
    (None for one that does not exist)."""
    cafile = os.environ.get('SSL_CERT_FILE', _gpcurl.CAINFO)
    capath = os.environ.get('SSL_CERT_DIR', _gpcurl.CAPATH)
    return DefaultVerifyPaths(
        cafile if cafile and os.path.isfile(cafile) else None,
        capath if capath and os.path.isdir(capath) else None,
        'SSL_CERT_FILE', _gpcurl.CAINFO, 'SSL_CERT_DIR', _gpcurl.CAPATH)


# ---------------------------------------------------------------------------
# Certificates as data
# ---------------------------------------------------------------------------

_PEM_KINDS = ('CERTIFICATE', 'TRUSTED CERTIFICATE', 'X509 CRL')


def _pem_blocks(text, kinds):
    """The '-----BEGIN <kind>----- ... -----END <kind>-----' blocks of
    [text] whose kind is in [kinds], each checked to be base64."""
    blocks = []
    pos = 0
    while True:
        begin = text.find('-----BEGIN ', pos)
        if begin < 0:
            return blocks
        head_end = text.find('-----', begin + 11)
        if head_end < 0:
            return blocks
        kind = text[begin + 11:head_end]
        footer = '-----END %s-----' % kind
        end = text.find(footer, head_end + 5)
        if end < 0:
            return blocks
        pos = end + len(footer)
        if kind not in kinds:
            continue
        body = text[head_end + 5:end]
        try:
            binascii.a2b_base64(''.join(body.split()).encode('ascii'))
        except (ValueError, UnicodeError):
            raise SSLError(9, '[PEM: BAD_BASE64_DECODE] bad base64 decode') from None
        blocks.append(text[begin:pos])


def _der_to_pem(data):
    """Concatenated DER certificates as PEM blocks."""
    blocks = []
    data = bytes(data)
    pos = 0
    while pos < len(data):
        if data[pos] != 0x30 or pos + 2 > len(data):
            raise SSLError(0, 'not enough data: cadata does not contain a certificate')
        first = data[pos + 1]
        start = pos + 2
        if first < 0x80:
            length = first
        else:
            count = first & 0x7f
            if count == 0 or count > 4 or start + count > len(data):
                raise SSLError(0, 'not enough data: cadata does not contain a certificate')
            length = int.from_bytes(data[start:start + count], 'big')
            start += count
        end = start + length
        if end > len(data):
            raise SSLError(0, 'not enough data: cadata does not contain a certificate')
        encoded = binascii.b2a_base64(data[pos:end], newline=False).decode('ascii')
        lines = [encoded[i:i + 64] for i in range(0, len(encoded), 64)]
        blocks.append('-----BEGIN CERTIFICATE-----\n%s\n-----END CERTIFICATE-----'
                      % '\n'.join(lines))
        pos = end
    return blocks


def _fspath(path, what):
    try:
        path = os.fspath(path)
    except TypeError:
        raise TypeError('%s should be a valid filesystem path' % what) from None
    return os.fsdecode(path)


def _read_file(path):
    """The bytes of [path]; OSError as CPython's _ssl reports it (no filename)."""
    try:
        with open(path, 'rb') as f:
            return f.read()
    except OSError as e:
        raise OSError(e.errno, e.strerror) from None


# ---------------------------------------------------------------------------
# SSLContext
# ---------------------------------------------------------------------------

class SSLContext:
    """TLS settings for https requests (see the module's design notes)."""

    def __new__(cls, protocol=None, *args, **kwargs):
        if protocol is None:
            import warnings
            warnings.warn('ssl.SSLContext() without protocol argument is deprecated.',
                          category=DeprecationWarning, stacklevel=2)
            protocol = PROTOCOL_TLS
        if protocol == PROTOCOL_TLS:
            import warnings
            warnings.warn('ssl.PROTOCOL_TLS is deprecated', category=DeprecationWarning,
                          stacklevel=2)
        try:
            protocol = _SSLMethod(protocol)
        except ValueError:
            raise ValueError('invalid or unsupported protocol version %i' % protocol) from None
        self = object.__new__(cls)
        self._protocol = protocol
        client = protocol == PROTOCOL_TLS_CLIENT
        self._verify_mode = CERT_REQUIRED if client else CERT_NONE
        self._check_hostname = client
        self._minimum_version = TLSVersion.MINIMUM_SUPPORTED
        self._maximum_version = TLSVersion.MAXIMUM_SUPPORTED
        self._ca_pem = []        # trusted certificates, PEM blocks
        self._ca_dirs = []       # capath directories
        self._default_file = None  # the default bundle, once loaded
        self._client_cert = None  # (certfile, keyfile or None, password or None)
        self._alpn = None        # None: libcurl's default offer
        self._options = None     # _curl_options() cache
        return self

    def __init__(self, protocol=None):
        pass

    @property
    def protocol(self):
        return self._protocol

    @property
    def verify_mode(self):
        return self._verify_mode

    @verify_mode.setter
    def verify_mode(self, value):
        try:
            mode = VerifyMode(value)
        except ValueError:
            raise ValueError('invalid value for verify_mode') from None
        if mode == CERT_NONE and self._check_hostname:
            raise ValueError('Cannot set verify_mode to CERT_NONE when check_hostname is '
                             'enabled.')
        self._verify_mode = mode
        self._options = None

    @property
    def check_hostname(self):
        return self._check_hostname

    @check_hostname.setter
    def check_hostname(self, value):
        value = bool(value)
        if value and self._verify_mode == CERT_NONE:
            self._verify_mode = CERT_REQUIRED
        self._check_hostname = value
        self._options = None

    def _version(self, value):
        try:
            return TLSVersion(value)
        except ValueError:
            raise ValueError('Unsupported TLS/SSL version 0x%x' % value) from None

    @property
    def minimum_version(self):
        return self._minimum_version

    @minimum_version.setter
    def minimum_version(self, value):
        self._minimum_version = self._version(value)
        self._options = None

    @property
    def maximum_version(self):
        return self._maximum_version

    @maximum_version.setter
    def maximum_version(self, value):
        self._maximum_version = self._version(value)
        self._options = None

    def load_verify_locations(self, cafile=None, capath=None, cadata=None):
        """Trusts the certificates of [cafile] (PEM), the directory
        [capath] (hashed names, as `openssl rehash` makes) and [cadata]
        (PEM str or DER bytes)."""
        if cafile is None and capath is None and cadata is None:
            raise TypeError('cafile, capath and cadata cannot be all omitted')
        blocks = []
        if cafile is not None:
            path = _fspath(cafile, 'cafile')
            text = _read_file(path).decode('latin-1')
            blocks += _pem_blocks(text, _PEM_KINDS)
            if not blocks:
                raise SSLError(136, '[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or '
                               'crl found')
        if capath is not None:
            capath = os.path.abspath(_fspath(capath, 'capath'))
        if cadata is not None:
            if isinstance(cadata, str):
                if not cadata:
                    raise ValueError('Empty certificate data')
                try:
                    cadata.encode('ascii')
                except UnicodeEncodeError:
                    raise TypeError('cadata should be an ASCII string or a bytes-like '
                                    'object') from None
                found = _pem_blocks(cadata, _PEM_KINDS)
                if not found:
                    raise SSLError(0, 'no start line: cadata does not contain a certificate')
            else:
                try:
                    data = memoryview(cadata).tobytes()
                except TypeError:
                    raise TypeError('cadata should be an ASCII string or a bytes-like '
                                    'object') from None
                if not data:
                    raise ValueError('Empty certificate data')
                found = _der_to_pem(data)
            blocks += found
        self._ca_pem += blocks
        if capath is not None and capath not in self._ca_dirs:
            self._ca_dirs.append(capath)
        self._options = None

    def set_default_verify_paths(self):
        """Trusts the system's certificates (see get_default_verify_paths)."""
        paths = get_default_verify_paths()
        if paths.cafile is not None:
            self._default_file = paths.cafile
        if paths.capath is not None and paths.capath not in self._ca_dirs:
            self._ca_dirs.append(paths.capath)
        self._options = None

    def load_default_certs(self, purpose=Purpose.SERVER_AUTH):
        if not isinstance(purpose, _ASN1Object):
            raise TypeError(purpose)
        self.set_default_verify_paths()

    def load_cert_chain(self, certfile, keyfile=None, password=None):
        """Sends the certificate of [certfile] (PEM, with its chain) and
        the private key of [keyfile] (or of certfile) when a server asks."""
        certfile = os.path.abspath(_fspath(certfile, 'certfile'))
        if keyfile is not None:
            keyfile = os.path.abspath(_fspath(keyfile, 'keyfile'))
        if password is not None:
            if callable(password):
                password = password()
                if not isinstance(password, (str, bytes, bytearray)):
                    raise TypeError('password callback must return a string')
            elif not isinstance(password, (str, bytes, bytearray)):
                raise TypeError('password should be a string or callable')
            if isinstance(password, str):
                password = password.encode('utf-8')
            if len(password) > 1024:
                raise ValueError('password cannot be longer than 1024 bytes')
            password = bytes(password).decode('utf-8', 'surrogateescape')
        cert_text = _read_file(certfile).decode('latin-1')
        if not _pem_blocks(cert_text, ('CERTIFICATE', 'TRUSTED CERTIFICATE')):
            raise SSLError(9, '[SSL] PEM lib')
        key_text = _read_file(keyfile).decode('latin-1') if keyfile else cert_text
        if not _pem_blocks(key_text, ('PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY',
                                      'ENCRYPTED PRIVATE KEY')):
            raise SSLError(9, '[SSL] PEM lib')
        self._client_cert = (certfile, keyfile, password)
        self._options = None

    def set_alpn_protocols(self, alpn_protocols):
        protocols = []
        for protocol in alpn_protocols:
            name = bytes(protocol, 'ascii') if isinstance(protocol, str) else bytes(protocol)
            if not 1 <= len(name) <= 255:
                raise SSLError('ALPN protocols must be 1 to 255 in length')
            protocols.append(name)
        self._alpn = protocols
        self._options = None

    def _curl_options(self):
        """The tls= tuple of _gpcurl.Transfer for this context (cached
        until a setting changes)."""
        if self._options is not None:
            return self._options
        if self._protocol == PROTOCOL_TLS_SERVER:
            raise ValueError('Cannot create a client socket with a PROTOCOL_TLS_SERVER '
                             'context')
        verify_peer = self._verify_mode != CERT_NONE
        verify_host = verify_peer and self._check_hostname
        ca = None
        if verify_peer:
            capath = ':'.join(self._ca_dirs) or None
            cafile = self._default_file
            cadata = None
            if self._ca_pem:
                # libcurl reads no CAINFO file once it has a CAINFO_BLOB
                # (a CAPATH it still does), so the default bundle joins
                # the blob.
                blocks = self._ca_pem
                if cafile is not None:
                    try:
                        text = _read_file(cafile).decode('latin-1')
                    except OSError:
                        text = ''
                    blocks = _pem_blocks(text, _PEM_KINDS) + blocks
                    cafile = None
                cadata = '\n'.join(blocks).encode('latin-1') + b'\n'
            ca = (cafile, capath, cadata)
        version = _CURL_MIN[self._minimum_version] | _CURL_MAX[self._maximum_version]
        http_version = 0
        alpn = True
        if self._alpn is not None:
            if b'h2' not in self._alpn:
                http_version = _CURL_HTTP_1_1
                alpn = b'http/1.1' in self._alpn
        self._options = (verify_peer, verify_host, ca, version, self._client_cert,
                         http_version, alpn)
        return self._options


def create_default_context(purpose=Purpose.SERVER_AUTH, *, cafile=None, capath=None,
                           cadata=None):
    """A context with CPython's secure defaults: certificates and host
    names checked, TLS 1.2 or later, trusting [cafile]/[capath]/[cadata]
    or else the system's certificates."""
    if not isinstance(purpose, _ASN1Object):
        raise TypeError(purpose)
    if purpose == Purpose.SERVER_AUTH:
        context = SSLContext(PROTOCOL_TLS_CLIENT)
        context.verify_mode = CERT_REQUIRED
        context.check_hostname = True
    elif purpose == Purpose.CLIENT_AUTH:
        context = SSLContext(PROTOCOL_TLS_SERVER)
    else:
        raise ValueError(purpose)
    if cafile or capath or cadata:
        context.load_verify_locations(cafile, capath, cadata)
    elif context.verify_mode != CERT_NONE:
        context.load_default_certs(purpose)
    return context


def _create_unverified_context(protocol=None, *, cert_reqs=CERT_NONE, check_hostname=False,
                               purpose=Purpose.SERVER_AUTH, certfile=None, keyfile=None,
                               cafile=None, capath=None, cadata=None):
    """A context that checks nothing unless told (what urllib used before
    certificates were checked by default)."""
    if not isinstance(purpose, _ASN1Object):
        raise TypeError(purpose)
    if purpose == Purpose.SERVER_AUTH:
        if protocol is None:
            protocol = PROTOCOL_TLS_CLIENT
    elif purpose == Purpose.CLIENT_AUTH:
        if protocol is None:
            protocol = PROTOCOL_TLS_SERVER
    else:
        raise ValueError(purpose)
    context = SSLContext(protocol)
    context.check_hostname = check_hostname
    if cert_reqs is not None:
        context.verify_mode = cert_reqs
    if check_hostname:
        context.check_hostname = True
    if keyfile and not certfile:
        raise ValueError('certfile must be specified')
    if certfile or keyfile:
        context.load_cert_chain(certfile, keyfile)
    if cafile or capath or cadata:
        context.load_verify_locations(cafile, capath, cadata)
    elif context.verify_mode != CERT_NONE:
        context.load_default_certs(purpose)
    return context


_create_default_https_context = create_default_context
_create_stdlib_context = _create_unverified_context


# ---------------------------------------------------------------------------
# libcurl's TLS failures as CPython's exceptions
# ---------------------------------------------------------------------------

# libcurl result codes (curl/curl.h) of TLS failures.
_CURLE_SSL_CONNECT_ERROR = 35
_CURLE_SSL_CERTPROBLEM = 58
_CURLE_SSL_CIPHER = 59
_CURLE_PEER_FAILED_VERIFICATION = 60
_CURLE_SSL_CACERT_BADFILE = 77
_CURLE_SSL_CRL_BADFILE = 82
_CURLE_SSL_ISSUER_ERROR = 83
_CURLE_SSL_CLIENTCERT = 98
_TLS_CODES = frozenset((_CURLE_SSL_CONNECT_ERROR, _CURLE_SSL_CERTPROBLEM, _CURLE_SSL_CIPHER,
                        _CURLE_PEER_FAILED_VERIFICATION, _CURLE_SSL_CACERT_BADFILE,
                        _CURLE_SSL_CRL_BADFILE, _CURLE_SSL_ISSUER_ERROR,
                        _CURLE_SSL_CLIENTCERT))

# OpenSSL's X509_V_ERR_HOSTNAME_MISMATCH and X509_V_ERR_IP_ADDRESS_MISMATCH:
# libcurl checks the name itself, so its verify result stays 0 for them.
_X509_HOSTNAME_MISMATCH = 62
_X509_IP_ADDRESS_MISMATCH = 64


def _is_ip_address(host):
    if ':' in host:
        return True
    parts = host.split('.')
    return len(parts) == 4 and all(p.isdigit() for p in parts)


def _verify_failure(host, message, verify_code):
    """SSLCertVerificationError for libcurl's CURLE_PEER_FAILED_VERIFICATION."""
    problem = 'SSL certificate problem: '
    if message.startswith(problem):
        reason = message[len(problem):]
        code = verify_code
    elif 'target host name' in message or 'common name' in message:
        if _is_ip_address(host):
            code = _X509_IP_ADDRESS_MISMATCH
            reason = "IP address mismatch, certificate is not valid for '%s'." % host
        else:
            code = _X509_HOSTNAME_MISMATCH
            reason = "Hostname mismatch, certificate is not valid for '%s'." % host
    else:
        reason = message
        code = verify_code
    error = SSLCertVerificationError(
        1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: %s' % reason)
    error.verify_code = code
    error.verify_message = reason
    error.library = 'SSL'
    error.reason = 'CERTIFICATE_VERIFY_FAILED'
    return error


def _error_from_curl(host, code, message, verify_code):
    """The ssl exception for a transfer to [host] that libcurl ended with
    [code] and [message] ([verify_code]: its X509 check result), or None
    when the failure was not a TLS one."""
    if code not in _TLS_CODES:
        return None
    if code == _CURLE_PEER_FAILED_VERIFICATION:
        return _verify_failure(host, message, verify_code)
    if 'SSL_ERROR_SYSCALL' in message or 'unexpected eof' in message:
        error = SSLEOFError(8, '[SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation '
                            'of protocol')
        error.library, error.reason = 'SSL', 'UNEXPECTED_EOF_WHILE_READING'
        return error
    library, reason, text = _openssl_error(message)
    if reason is None:
        error = SSLError(1, '[SSL] %s' % message)
    else:
        error = SSLError(1, '[%s: %s] %s' % (library, reason, text))
    error.library, error.reason = library, reason
    return error


def _openssl_error(message):
    """(library, reason code, reason text) of the OpenSSL error string in
    libcurl's [message] ("...error:0A00042E:SSL routines::tlsv1 alert
    protocol version"): OpenSSL's reason codes are their texts in upper
    case with underscores. (library, None, None) without one."""
    start = message.find('error:')
    parts = message[start:].split(':', 4) if start >= 0 else []
    if len(parts) < 5 or not parts[4]:
        return 'SSL', None, None
    library = parts[2].replace(' routines', '') or 'SSL'
    text = parts[4].strip()
    return library, text.upper().replace(' ', '_'), text
