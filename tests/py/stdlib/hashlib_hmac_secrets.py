# hashlib (OpenSSL digests), hmac and secrets against CPython: digests,
# copies, SHAKE lengths, pbkdf2, HMAC objects, compare_digest and errors.
import hashlib, hmac, secrets
for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_256', 'blake2b', 'blake2s']:
    h = hashlib.new(name, b'abc')
    h2 = getattr(hashlib, name)(b'ab'); h3 = h2.copy(); h2.update(b'c')
    print(name, h.hexdigest(), h2.digest() == h.digest(), h3.hexdigest()[:8], h.name, h.digest_size, h.block_size)
s = hashlib.shake_128(b'x'); print(s.hexdigest(10), len(s.digest(33)), s.digest_size, s.name)
print(hashlib.sha256(b'a' * 100000).hexdigest())
print(hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 1000).hex(), hashlib.pbkdf2_hmac('sha1', b'pw', b'salt', 2, dklen=5).hex())
print(hmac.new(b'key', b'msg', 'sha256').hexdigest(), hmac.digest(b'k' * 100, b'm', 'sha512').hex()[:20], hmac.new(b'key', digestmod=hashlib.md5).name)
m = hmac.new(b'key', b'a', 'sha1'); c = m.copy(); m.update(b'b'); print(m.hexdigest(), c.hexdigest(), m.digest_size, m.block_size)
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest('abc', 'abd'), hmac.compare_digest(b'a', b'ab'))
print(sorted(hashlib.algorithms_guaranteed))
print(len(secrets.token_bytes(8)), len(secrets.token_hex(8)), 0 <= secrets.randbelow(10) < 10, secrets.choice('abc') in 'abc', len(secrets.token_urlsafe(16)))
import io
print(hashlib.file_digest(io.BytesIO(b'abc'), 'sha256').hexdigest())
for bad in (lambda: hashlib.sha256('str'), lambda: hashlib.new('nope'), lambda: hashlib.sha256(5), lambda: hmac.new(b'k'), lambda: hmac.new('k', digestmod='md5'), lambda: hmac.compare_digest('a', b'a'), lambda: hashlib.pbkdf2_hmac('sha1', b'p', b's', 0), lambda: hmac.compare_digest('é', 'é')):
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print(repr(hashlib.md5())[:22])
for a, b in [('a', b'a'), (b'a', 'a'), (1, b'a'), (b'a', 1), (1, 2), ('a', 1), (bytearray(b'x'), memoryview(b'x'))]:
    try:
        print(hmac.compare_digest(a, b))
    except TypeError as e:
        print(e)
# Threads hashing large buffers at once (the GIL is released) agree with one.
import threading
blob = bytes(range(256)) * 4096
results = []
threads = [threading.Thread(target=lambda: results.append(hashlib.sha512(blob).hexdigest())) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(set(results)), results[0] == hashlib.sha512(blob).hexdigest())
